using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Functions.Mail;

namespace QuyCheWorkflow.Functions.Tests.Mail;

/// <summary>Builds the Mail services from in-memory configuration, as the app host would, capturing logs.</summary>
internal sealed class MailTestServices : IDisposable
{
    private readonly ServiceProvider _provider;

    private MailTestServices(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _provider = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs))
            .AddQuyCheWorkflowMail(configuration)
            .BuildServiceProvider();
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public MailSender Sender => _provider.GetRequiredService<MailSender>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static MailTestServices Smtp(int port, IDictionary<string, string?>? overrides = null) => new(With(overrides, new()
    {
        ["Mail:Transport"] = "Smtp",
        ["Mail:FromAddress"] = "vanphong@quyche.example.vn",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:EnableSsl"] = "false",
    }));

    public static MailTestServices SendGrid(Uri endpoint, IDictionary<string, string?>? overrides = null) => new(With(overrides, new()
    {
        ["Mail:Transport"] = "SendGrid",
        ["Mail:FromAddress"] = "vanphong@quyche.example.vn",
        ["Mail:SendGrid:ApiKey"] = SendGridApiKey,
        ["Mail:SendGrid:Endpoint"] = endpoint.AbsoluteUri,
        ["Mail:SendGrid:MaxRetryAttempts"] = "3",
        ["Mail:SendGrid:RetryBaseDelay"] = "00:00:00.010",
        ["Mail:SendGrid:MaxRetryDelay"] = "00:00:00.050",
    }));

    public const string SendGridApiKey = "SG.test-key-7f3a9c";

    public void Dispose() => _provider.Dispose();

    private static Dictionary<string, string?> With(IDictionary<string, string?>? overrides, Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
