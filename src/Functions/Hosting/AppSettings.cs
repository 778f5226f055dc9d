namespace QuyCheWorkflow.Functions.Hosting;

/// <summary>
/// The catalogue of every configuration key the app reads. Code reads keys through these constants, and the
/// infrastructure and local.settings.sample.json are checked against <see cref="All"/>, so a setting cannot be
/// added on one side only.
/// </summary>
public static class AppSettings
{
    public const string CustomHandlerPort = "FUNCTIONS_CUSTOMHANDLER_PORT";
    public const string TimeZone = "WEBSITE_TIME_ZONE";
    public const string Url = "App:Urls";
    public const string EmbeddedDrivers = "App:EmbeddedDrivers";

    public const string StorageConnectionString = "Storage:ConnectionString";
    public const string StorageBlobServiceUri = "Storage:BlobServiceUri";
    public const string StorageQueueServiceUri = "Storage:QueueServiceUri";
    public const string StorageTableServiceUri = "Storage:TableServiceUri";
    public const string StorageManagedIdentityClientId = "Storage:ManagedIdentityClientId";
    public const string StorageServiceVersion = "Storage:ServiceVersion";

    public const string DurableTaskHubName = "Durable:TaskHubName";
    public const string DurablePartitionCount = "Durable:PartitionCount";

    public const string MailTransport = "Mail:Transport";
    public const string MailFromAddress = "Mail:FromAddress";
    public const string MailFromName = "Mail:FromName";
    public const string MailSmtpHost = "Mail:Smtp:Host";
    public const string MailSmtpPort = "Mail:Smtp:Port";
    public const string MailSmtpEnableSsl = "Mail:Smtp:EnableSsl";
    public const string MailSmtpUserName = "Mail:Smtp:UserName";
    public const string MailSmtpPassword = "Mail:Smtp:Password";
    public const string MailSendGridApiKey = "Mail:SendGrid:ApiKey";
    public const string MailSendGridEndpoint = "Mail:SendGrid:Endpoint";
    public const string MailSmtpTimeout = "Mail:Smtp:Timeout";
    public const string MailSendGridMaxRetryAttempts = "Mail:SendGrid:MaxRetryAttempts";
    public const string MailSendGridRetryBaseDelay = "Mail:SendGrid:RetryBaseDelay";
    public const string MailSendGridMaxRetryDelay = "Mail:SendGrid:MaxRetryDelay";
    public const string MailSendGridRequestTimeout = "Mail:SendGrid:RequestTimeout";

    public const string LinksBaseUrl = "Links:BaseUrl";
    public const string LinksActiveKeyId = "Links:ActiveKeyId";

    /// <summary>A family of keys, one per signing key id: <c>Links:Keys:&lt;id&gt;</c>.</summary>
    public const string LinksKeys = "Links:Keys:*";
    public const string LinksDefaultLifetime = "Links:DefaultLifetime";

    public const string AuthBootstrapAdminKey = "Auth:BootstrapAdminKey";
    public const string AuthEntraAuthority = "Auth:Entra:Authority";
    public const string AuthEntraAudience = "Auth:Entra:Audience";
    public const string AuthEntraOrganisationClaim = "Auth:Entra:OrganisationClaim";
    public const string AuthEntraClientId = "Auth:Entra:ClientId";
    public const string AuthEntraClientSecret = "Auth:Entra:ClientSecret";

    public const string OfficeMaxUploadBytes = "Office:MaxUploadBytes";
    public const string OfficeMaxImportRows = "Office:MaxImportRows";

    /// <summary>A family of keys, one per role: <c>Auth:Entra:Roles:&lt;role&gt;</c>.</summary>
    public const string AuthEntraRoles = "Auth:Entra:Roles:*";

    public const string DemoSeed = "Demo:Seed";
    public const string DemoKeysFile = "Demo:KeysFile";

    public static IReadOnlyList<AppSetting> All { get; } =
    [
        new(CustomHandlerPort, "Loopback port the Functions host tells its custom handler to listen on; its presence turns the embedded drivers off.", AppSettingDeployment.SetByFunctionsHost),
        new(TimeZone, "Time zone of timer schedules (Windows or IANA id); UTC when unset, as in Azure Functions.", AppSettingDeployment.Optional),
        new(Url, "URL to listen on when not under the Functions host; default http://127.0.0.1:7071.", AppSettingDeployment.Optional),
        new(EmbeddedDrivers, "auto (default: on unless under the Functions host), true or false: run the in-process queue and timer drivers.", AppSettingDeployment.Optional),

        new(StorageConnectionString, "Storage connection string (Azurite: UseDevelopmentStorage=true); when set, the service URIs are not used.", AppSettingDeployment.LocalOnly),
        new(StorageBlobServiceUri, "Blob endpoint reached with a managed identity, e.g. https://<account>.blob.core.windows.net.", AppSettingDeployment.AzureOnly),
        new(StorageQueueServiceUri, "Queue endpoint reached with a managed identity; also the queue triggers' connection (Storage).", AppSettingDeployment.AzureOnly),
        new(StorageTableServiceUri, "Table endpoint reached with a managed identity.", AppSettingDeployment.AzureOnly),
        new(StorageManagedIdentityClientId, "Client id of the user-assigned managed identity; unset means the system-assigned identity.", AppSettingDeployment.AzureOnly),
        new(StorageServiceVersion, "Blob and queue service version the clients send (e.g. 2026-06-06, the newest Azurite 3.37 accepts); unset means the SDK's newest, as in Azure.", AppSettingDeployment.LocalOnly),

        new(DurableTaskHubName, "Task hub name: prefix of the engine's queues, tables and containers (lowercase letters and digits).", AppSettingDeployment.Everywhere),
        new(DurablePartitionCount, "Number of control-queue partitions; must equal the DurableControlNN functions deployed (4).", AppSettingDeployment.Optional),

        new(MailTransport, "Smtp or SendGrid.", AppSettingDeployment.Everywhere),
        new(MailFromAddress, "Sender address of every e-mail.", AppSettingDeployment.Everywhere),
        new(MailFromName, "Sender display name.", AppSettingDeployment.Everywhere),
        new(MailSmtpHost, "SMTP host (maildev locally).", AppSettingDeployment.LocalOnly),
        new(MailSmtpPort, "SMTP port.", AppSettingDeployment.LocalOnly),
        new(MailSmtpEnableSsl, "true to use TLS to the SMTP server.", AppSettingDeployment.LocalOnly),
        new(MailSmtpUserName, "SMTP user name, if the server needs one.", AppSettingDeployment.Optional),
        new(MailSmtpPassword, "SMTP password, if the server needs one (a secret).", AppSettingDeployment.Optional),
        new(MailSendGridApiKey, "SendGrid API key (a secret: a Key Vault reference in Azure).", AppSettingDeployment.AzureOnly),
        new(MailSendGridEndpoint, "SendGrid API base URL; default https://api.sendgrid.com.", AppSettingDeployment.Optional),
        new(MailSmtpTimeout, "Timeout of one SMTP send (TimeSpan); default 00:00:30.", AppSettingDeployment.Optional),
        new(MailSendGridMaxRetryAttempts, "Attempts of one SendGrid send (1-10); default 4.", AppSettingDeployment.Optional),
        new(MailSendGridRetryBaseDelay, "First back-off between SendGrid attempts; default 00:00:02.", AppSettingDeployment.Optional),
        new(MailSendGridMaxRetryDelay, "Longest back-off between SendGrid attempts; default 00:01:00.", AppSettingDeployment.Optional),
        new(MailSendGridRequestTimeout, "Timeout of one SendGrid request; default 00:00:30.", AppSettingDeployment.Optional),

        new(LinksBaseUrl, "Public base URL that personal links in e-mails point at.", AppSettingDeployment.Everywhere),
        new(LinksActiveKeyId, "Id of the key that signs new links.", AppSettingDeployment.Everywhere),
        new(LinksKeys, "Link-signing keys by id, base64 (secrets: Key Vault references in Azure); old ids stay to verify old links.", AppSettingDeployment.Everywhere),
        new(LinksDefaultLifetime, "Lifetime of a personal link when its use sets none (TimeSpan, e.g. 30.00:00:00).", AppSettingDeployment.Optional),

        new(AuthBootstrapAdminKey, "Administrator API key accepted before any key is stored, to create the first keys (a secret of at least 32 characters); unset disables it.", AppSettingDeployment.Optional),
        new(AuthEntraAuthority, "Entra ID authority (https://login.microsoftonline.com/<tenant>/v2.0); with the audience, turns on bearer tokens.", AppSettingDeployment.Optional),
        new(AuthEntraAudience, "Entra ID audience (the app registration's application id URI or client id).", AppSettingDeployment.Optional),
        new(AuthEntraOrganisationClaim, "Token claim that carries the caller's organisation id; default org.", AppSettingDeployment.Optional),
        new(AuthEntraClientId, "Client id of the app registration people sign in to the console with; with the authority, shows \"Đăng nhập bằng tài khoản Microsoft\".", AppSettingDeployment.Optional),
        new(AuthEntraClientSecret, "Client secret of that registration (a Key Vault reference in Azure); unset, the console asks Entra ID for an id token only.", AppSettingDeployment.Optional),
        new(OfficeMaxUploadBytes, "Largest uploaded document (draft, minutes) in bytes, at most 209715200; larger uploads get 413.", AppSettingDeployment.Everywhere),
        new(OfficeMaxImportRows, "Most data rows of one CSV import of organisations or committee members; default 10000, at most 100000.", AppSettingDeployment.Optional),
        new(AuthEntraRoles, "App-role value per API role (Office, UpperLevelOffice, Administrator); default QuyCheWorkflow.<role>.", AppSettingDeployment.Optional),

        new(DemoSeed, "true seeds the local demo (a sample tree and regulations under way) into an empty store at start; run.sh sets it. Never in Azure.", AppSettingDeployment.Optional),
        new(DemoKeysFile, "File the demo's API keys are written to (mode 600) when Demo:Seed is on; run.sh uses .data/demo-keys.txt.", AppSettingDeployment.Optional),
    ];
}
