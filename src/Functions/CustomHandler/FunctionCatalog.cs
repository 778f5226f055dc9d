using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using QuyCheWorkflow.Functions.Scheduling;

namespace QuyCheWorkflow.Functions.CustomHandler;

/// <summary>
/// The functions declared by host.json and the function.json files beside it: the one description of the
/// triggers that both the Functions host and the embedded drivers follow. Immutable once loaded.
/// </summary>
public sealed partial class FunctionCatalog
{
    private FunctionCatalog(
        IReadOnlyList<string> functionNames,
        IReadOnlyList<QueueTriggerFunction> queueTriggers,
        IReadOnlyList<TimerTriggerFunction> timerTriggers,
        QueueTriggerSettings queueSettings)
    {
        FunctionNames = functionNames;
        QueueTriggers = queueTriggers;
        TimerTriggers = timerTriggers;
        QueueSettings = queueSettings;
    }

    public IReadOnlyList<string> FunctionNames { get; }

    public IReadOnlyList<QueueTriggerFunction> QueueTriggers { get; }

    public IReadOnlyList<TimerTriggerFunction> TimerTriggers { get; }

    public QueueTriggerSettings QueueSettings { get; }

    /// <summary>
    /// Reads <paramref name="rootDirectory"/>/host.json and every <c>&lt;Name&gt;/function.json</c> under it,
    /// resolving <c>%Setting%</c> binding expressions from <paramref name="configuration"/> as the host resolves
    /// them from app settings (<c>%Durable__TaskHubName%</c> reads <c>Durable:TaskHubName</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A file is missing or malformed, or a setting is unset.</exception>
    public static FunctionCatalog Load(string rootDirectory, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(rootDirectory);
        ArgumentNullException.ThrowIfNull(configuration);
        var hostJsonPath = Path.Combine(rootDirectory, "host.json");
        if (!File.Exists(hostJsonPath))
        {
            throw new InvalidOperationException($"host.json was not found in '{rootDirectory}'.");
        }

        var queueSettings = ReadQueueSettings(hostJsonPath);
        var names = new List<string>();
        var queues = new List<QueueTriggerFunction>();
        var timers = new List<TimerTriggerFunction>();
        foreach (var directory in Directory.EnumerateDirectories(rootDirectory).Order(StringComparer.Ordinal))
        {
            var functionJsonPath = Path.Combine(directory, "function.json");
            if (!File.Exists(functionJsonPath))
            {
                continue;
            }

            var name = Path.GetFileName(directory);
            names.Add(name);
            using var document = JsonDocument.Parse(File.ReadAllText(functionJsonPath));
            foreach (var binding in document.RootElement.GetProperty("bindings").EnumerateArray())
            {
                switch (ReadString(binding, "type", functionJsonPath))
                {
                    case "queueTrigger":
                        var queueName = Resolve(ReadString(binding, "queueName", functionJsonPath), configuration, functionJsonPath);
                        if (!QueueName().IsMatch(queueName))
                        {
                            throw new InvalidOperationException(
                                $"'{functionJsonPath}' resolves to queue name '{queueName}', which Azure Storage rejects " +
                                "(3-63 lowercase letters, digits and single hyphens): set Durable:TaskHubName in lowercase.");
                        }

                        queues.Add(new QueueTriggerFunction(
                            name, ReadString(binding, "name", functionJsonPath), queueName, ReadString(binding, "connection", functionJsonPath)));
                        break;
                    case "timerTrigger":
                        var schedule = Resolve(ReadString(binding, "schedule", functionJsonPath), configuration, functionJsonPath);
                        timers.Add(new TimerTriggerFunction(
                            name, ReadString(binding, "name", functionJsonPath), NCrontabSchedule.Parse(schedule)));
                        break;
                    default:
                        break;
                }
            }
        }

        return new FunctionCatalog(names, queues, timers, queueSettings);
    }

    /// <summary>Replaces each <c>%Name%</c> with the setting's value, as the Functions host does.</summary>
    public static string Resolve(string expression, IConfiguration configuration, string source)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(configuration);
        return SettingReference().Replace(expression, match =>
        {
            var key = match.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal);
            var value = configuration[key];
            return string.IsNullOrEmpty(value)
                ? throw new InvalidOperationException(
                    $"'{source}' refers to setting '{match.Groups[1].Value}', which is not set.")
                : value;
        });
    }

    private static QueueTriggerSettings ReadQueueSettings(string hostJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(hostJsonPath));
        var defaults = QueueTriggerSettings.Defaults;
        if (!document.RootElement.TryGetProperty("extensions", out var extensions) ||
            !extensions.TryGetProperty("queues", out var queues))
        {
            return defaults;
        }

        return new QueueTriggerSettings(
            queues.TryGetProperty("batchSize", out var batchSize) ? batchSize.GetInt32() : defaults.BatchSize,
            queues.TryGetProperty("maxDequeueCount", out var maxDequeueCount) ? maxDequeueCount.GetInt32() : defaults.MaxDequeueCount,
            queues.TryGetProperty("visibilityTimeout", out var visibility)
                ? TimeSpan.Parse(visibility.GetString()!, CultureInfo.InvariantCulture)
                : defaults.VisibilityTimeout,
            queues.TryGetProperty("maxPollingInterval", out var polling)
                ? TimeSpan.Parse(polling.GetString()!, CultureInfo.InvariantCulture)
                : defaults.MaxPollingInterval,
            queues.TryGetProperty("messageEncoding", out var encoding) ? encoding.GetString()! : defaults.MessageEncoding);
    }

    private static string ReadString(JsonElement binding, string property, string source) =>
        binding.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidOperationException($"A binding in '{source}' has no string '{property}'.");

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex QueueName();
}
