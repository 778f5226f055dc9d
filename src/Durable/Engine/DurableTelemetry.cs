using System.Diagnostics;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// The engine's tracing: an <see cref="ActivitySource"/> named <see cref="ActivitySourceName"/> with one span per
/// orchestration episode (a replay-and-run of the orchestrator for one message) and one per activity execution,
/// tagged with the instance id, the task's name and its outcome. Add the source to an OpenTelemetry tracer provider
/// to export them; without a listener they cost nothing.
/// </summary>
public static class DurableTelemetry
{
    public const string ActivitySourceName = "QuyCheWorkflow.Durable";

    /// <summary>Tag: "orchestration" or "activity".</summary>
    public const string TypeTag = "durabletask.type";

    public const string NameTag = "durabletask.task.name";

    public const string InstanceIdTag = "durabletask.task.instance_id";

    /// <summary>Tag: the episode's outcome (Running, Completed, Failed, Terminated, ContinuedAsNew) or the activity's (Completed, Failed).</summary>
    public const string OutcomeTag = "durabletask.task.outcome";

    internal static ActivitySource Source { get; } = new(ActivitySourceName);

    internal static Activity? StartEpisode(string instanceId, string name) => Start("orchestration", instanceId, name);

    internal static Activity? StartActivity(string instanceId, string name) => Start("activity", instanceId, name);

    internal static void End(Activity? span, string outcome, TaskFailureDetails? failure)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag(OutcomeTag, outcome);
        if (failure is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, $"{failure.ErrorType}: {failure.ErrorMessage}");
        }
    }

    private static Activity? Start(string type, string instanceId, string name)
    {
        var span = Source.StartActivity($"{type} {name}", ActivityKind.Internal);
        span?.SetTag(TypeTag, type);
        span?.SetTag(NameTag, name);
        span?.SetTag(InstanceIdTag, instanceId);
        return span;
    }
}
