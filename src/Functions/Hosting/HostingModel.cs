using System.Globalization;

namespace QuyCheWorkflow.Functions.Hosting;

/// <summary>
/// How this process is hosted: under the Azure Functions host as its custom handler (the host's triggers drive
/// the code) or on its own (the embedded queue and timer drivers drive the same code).
/// </summary>
/// <param name="ListenUrl">The single URL Kestrel listens on.</param>
/// <param name="IsCustomHandler">True when the Functions host started this process.</param>
/// <param name="EmbeddedDriversEnabled">True when the in-process queue and timer drivers run.</param>
public sealed record HostingModel(string ListenUrl, bool IsCustomHandler, bool EmbeddedDriversEnabled)
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static HostingModel From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var port = configuration[AppSettings.CustomHandlerPort];
        var isCustomHandler = !string.IsNullOrWhiteSpace(port);
        var listenUrl = isCustomHandler
            ? "http://127.0.0.1:" + ParsePort(port!).ToString(CultureInfo.InvariantCulture)
            : configuration[AppSettings.Url] is { Length: > 0 } url ? url : DefaultUrl;

        var drivers = configuration[AppSettings.EmbeddedDrivers];
        var embeddedDrivers = drivers switch
        {
            null or "" => !isCustomHandler,
            _ when drivers.Equals("auto", StringComparison.OrdinalIgnoreCase) => !isCustomHandler,
            _ when bool.TryParse(drivers, out var value) => value,
            _ => throw new InvalidOperationException(
                $"Setting '{AppSettings.EmbeddedDrivers}' must be auto, true or false; it is '{drivers}'."),
        };

        return new HostingModel(listenUrl, isCustomHandler, embeddedDrivers);
    }

    private static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"Setting '{AppSettings.CustomHandlerPort}' is not a TCP port: '{value}'.");
}
