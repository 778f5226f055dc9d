namespace QuyCheWorkflow.Functions.CustomHandler;

/// <summary>
/// The queue-trigger behaviour declared in host.json <c>extensions.queues</c>, which the embedded queue driver
/// follows so that local runs retry and poison exactly as the Functions host does.
/// </summary>
public sealed record QueueTriggerSettings(
    int BatchSize,
    int MaxDequeueCount,
    TimeSpan VisibilityTimeout,
    TimeSpan MaxPollingInterval,
    string MessageEncoding)
{
    /// <summary>The Functions host's defaults when host.json says nothing.</summary>
    public static QueueTriggerSettings Defaults { get; } =
        new(16, 5, TimeSpan.Zero, TimeSpan.FromMinutes(1), "base64");
}
