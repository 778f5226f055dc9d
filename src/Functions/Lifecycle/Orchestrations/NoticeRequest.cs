namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>Send the notices of <paramref name="Kind"/> due at <paramref name="ScheduledFor"/> for a stage object.</summary>
// WARNING: changing this payload shape breaks in-flight orchestrations.
public sealed record NoticeRequest(LifecycleInstanceInput Subject, NoticeKind Kind, DateTimeOffset ScheduledFor);
