namespace QuyCheWorkflow.Durable;

/// <summary>One page of instances; <see cref="ContinuationToken"/> is null on the last page.</summary>
internal sealed record OrchestrationQueryResult(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);
