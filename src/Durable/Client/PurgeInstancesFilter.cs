namespace QuyCheWorkflow.Durable;

/// <summary>Which finished instances <see cref="DurableTaskClient.PurgeAllInstancesAsync"/> deletes.</summary>
public sealed record PurgeInstancesFilter(DateTimeOffset? CreatedFrom = null, DateTimeOffset? CreatedTo = null, IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null);
