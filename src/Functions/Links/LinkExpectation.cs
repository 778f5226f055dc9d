namespace QuyCheWorkflow.Functions.Links;

/// <summary>
/// What the endpoint receiving a link expects; a field left null is not checked. A signed, unexpired token
/// that differs from a given field is reported as <see cref="LinkValidationStatus.ContextMismatch"/>.
/// </summary>
public sealed record LinkExpectation(
    LinkAction? Action = null,
    string? RegulationId = null,
    string? RoundId = null,
    string? ContentHash = null);
