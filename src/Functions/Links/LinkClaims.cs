namespace QuyCheWorkflow.Functions.Links;

/// <summary>
/// What a personal link is bound to: one recipient's action in one round of one regulation, on one draft
/// version (by its content hash), until <see cref="ExpiresAt"/>. Tokens keep the expiry to whole seconds.
/// </summary>
public sealed record LinkClaims(
    string RegulationId,
    string RoundId,
    string RecipientId,
    LinkAction Action,
    string ContentHash,
    DateTimeOffset ExpiresAt);
