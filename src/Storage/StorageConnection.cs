using System.Globalization;
using System.Net;
using Azure.Core;

namespace QuyCheWorkflow.Storage;

/// <summary>
/// Where a storage account lives and how to authenticate to it: a shared account key (from a connection string) or an
/// Azure.Core <see cref="Azure.Core.TokenCredential"/> (managed identity, workload identity, developer login).
/// Immutable and thread-safe. <see cref="ToString"/> never reveals the key.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The account name of the local emulator (Azurite).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // The emulator's published, well-known key; it protects nothing.
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnection(string accountName, Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint, byte[]? accountKey, TokenCredential? tokenCredential)
    {
        AccountName = accountName;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
        TableEndpoint = tableEndpoint;
        AccountKey = accountKey;
        TokenCredential = tokenCredential;
    }

    /// <summary>The storage account name (signs SharedKey requests).</summary>
    public string AccountName { get; }

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public Uri TableEndpoint { get; }

    internal byte[]? AccountKey { get; }

    internal TokenCredential? TokenCredential { get; }

    /// <summary>
    /// Parses an Azure Storage connection string: <c>UseDevelopmentStorage=true</c>, or <c>AccountName</c> and
    /// <c>AccountKey</c> with explicit <c>BlobEndpoint</c>/<c>QueueEndpoint</c>/<c>TableEndpoint</c> and/or
    /// <c>DefaultEndpointsProtocol</c> + <c>EndpointSuffix</c> (default core.windows.net). Keys are case-insensitive.
    /// </summary>
    /// <exception cref="FormatException">The string is malformed, lacks an account key, or names an endpoint that
    /// cannot be derived. Shared access signatures are not supported.</exception>
    public static StorageConnection Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException("A connection string setting must have the form Name=Value.");
            }

            var name = part[..equals].Trim();
            if (!settings.TryAdd(name, part[(equals + 1)..].Trim()))
            {
                throw new FormatException($"The connection string setting '{name}' appears twice.");
            }
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development) &&
            string.Equals(development, "true", StringComparison.OrdinalIgnoreCase))
        {
            return ParseDevelopment(settings);
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("Shared access signature connection strings are not supported; use an account key or a token credential.");
        }

        var accountName = Required(settings, "AccountName");
        var accountKey = DecodeKey(Required(settings, "AccountKey"));
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException("DefaultEndpointsProtocol must be http or https.");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new StorageConnection(
            accountName,
            Endpoint(settings, "BlobEndpoint", protocol, accountName, "blob", suffix),
            Endpoint(settings, "QueueEndpoint", protocol, accountName, "queue", suffix),
            Endpoint(settings, "TableEndpoint", protocol, accountName, "table", suffix),
            accountKey,
            tokenCredential: null);
    }

    /// <summary>
    /// A connection authenticated with bearer tokens for scope https://storage.azure.com/.default. Tokens are cached
    /// per client pipeline until five minutes before they expire. The account name is read from the blob endpoint
    /// (first host label, or first path segment for a path-style emulator URL).
    /// </summary>
    public static StorageConnection FromTokenCredential(Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageConnection(AccountNameOf(blobEndpoint), blobEndpoint, queueEndpoint, tableEndpoint, accountKey: null, credential);
    }

    /// <summary>A connection authenticated with a shared account key given as base64.</summary>
    public static StorageConnection FromSharedKey(string accountName, string accountKey, Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        return new StorageConnection(accountName, blobEndpoint, queueEndpoint, tableEndpoint, DecodeKey(accountKey), tokenCredential: null);
    }

    /// <summary>The endpoint of one service.</summary>
    public Uri GetEndpoint(StorageService service) => service switch
    {
        StorageService.Blob => BlobEndpoint,
        StorageService.Queue => QueueEndpoint,
        StorageService.Table => TableEndpoint,
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    public override string ToString() =>
        $"AccountName={AccountName};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};" +
        $"Credential={(AccountKey is null ? "token" : "shared key")}";

    private static StorageConnection ParseDevelopment(Dictionary<string, string> settings)
    {
        var proxy = settings.TryGetValue("DevelopmentStorageProxyUri", out var proxyText)
            ? new Uri(proxyText)
            : new Uri("http://127.0.0.1");
        Uri At(int port) => new UriBuilder(proxy) { Port = port, Path = DevelopmentAccountName }.Uri;
        return new StorageConnection(
            DevelopmentAccountName, At(10000), At(10001), At(10002), Convert.FromBase64String(DevelopmentAccountKey), tokenCredential: null);
    }

    private static string Required(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The connection string lacks '{name}'.");

    private static byte[] DecodeKey(string key)
    {
        try
        {
            return Convert.FromBase64String(key);
        }
        catch (FormatException exception)
        {
            // The key itself must not appear in the message.
            throw new FormatException("The account key is not valid base64.", exception);
        }
    }

    private static Uri Endpoint(Dictionary<string, string> settings, string name, string protocol, string accountName, string service, string suffix)
    {
        if (settings.TryGetValue(name, out var explicitEndpoint))
        {
            return Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new FormatException($"'{name}' is not an absolute http(s) URI.");
        }

        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{protocol}://{accountName}.{service}.{suffix}"));
    }

    private static string AccountNameOf(Uri endpoint)
    {
        var pathStyle = endpoint.IsLoopback || IPAddress.TryParse(endpoint.Host, out _);
        if (pathStyle)
        {
            var segment = endpoint.AbsolutePath.Trim('/').Split('/')[0];
            return segment.Length > 0 ? segment : DevelopmentAccountName;
        }

        return endpoint.Host.Split('.')[0];
    }
}
