namespace QuyCheWorkflow.Functions.State;

/// <summary>What to write to the audit log: who did what to which subjects, from where, with small details.</summary>
/// <param name="ActorId">User or member id, or "system".</param>
/// <param name="ActorDisplay">The actor's name as shown to people, e.g. "Nguyễn Văn An".</param>
/// <param name="Action">What happened, e.g. "vote.cast".</param>
/// <param name="SubjectIds">Ids of what it concerns (regulation, round, member, ...).</param>
/// <param name="DetailsJson">Small JSON object with details (≤ 8,000 characters), or null.</param>
/// <param name="Origin">From where: client IP and user agent, or "system:orchestration".</param>
public sealed record AuditRecord(
    string ActorId,
    string ActorDisplay,
    string Action,
    IReadOnlyList<string> SubjectIds,
    string? DetailsJson,
    string Origin);
