namespace QuyCheWorkflow.Durable;

/// <summary>A filter over instances, read one page at a time.</summary>
public sealed record OrchestrationQuery
{
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public string? InstanceIdPrefix { get; init; }

    public int PageSize { get; init; } = 100;

    /// <summary>Gets the token of the page to read, from a previous <see cref="OrchestrationQueryResult"/>; null for the first.</summary>
    public string? ContinuationToken { get; init; }

    public bool FetchInputsAndOutputs { get; init; }
}
