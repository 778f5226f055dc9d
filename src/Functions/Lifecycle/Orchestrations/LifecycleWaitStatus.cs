namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>A lifecycle orchestration's custom status while it waits: what for, and until when (null: an event only).</summary>
public sealed record LifecycleWaitStatus(string Step, DateTimeOffset? WakeAt);
