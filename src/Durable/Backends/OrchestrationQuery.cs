namespace QuyCheWorkflow.Durable;

/// <summary>A backend's filter over instances, read one page at a time (the client maps the SDK's query onto it).</summary>
internal sealed record OrchestrationQuery
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
