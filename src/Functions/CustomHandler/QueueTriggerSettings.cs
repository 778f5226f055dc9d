namespace QuyCheWorkflow.Functions.CustomHandler;

/// <summary>
/// The queue-trigger behaviour declared in host.json <c>extensions.queues</c>, which the embedded queue driver
/// follows so that local runs retry and poison exactly as the Functions host does.
/// <para>
/// <see cref="VisibilityTimeout"/> is the pause before a delivery that failed (the function threw, or answered other
/// than 200) is tried again: not how long a message is hidden while its function runs. That lease the host owns: it
/// hides a message it hands to a function for 10 minutes and renews it while the function runs; host.json cannot set
/// it. So in Azure a message whose host instance died mid-invocation shows up again after at most 10 minutes (a host
/// that stops in an orderly way, as on scale-in or a deployment, lets running invocations finish first). Locally the
/// embedded driver holds it for the engine's shorter <c>MessageVisibilityTimeout</c> instead.
/// </para>
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
