namespace QuyCheWorkflow.Domain.Audit;

/// <summary>
/// One link of the audit chain: who did what, when and from where, plus the SHA-256 of the previous
/// entry's canonical form (<see cref="AuditChain.GenesisHash"/> for the first). Create entries with
/// <see cref="AuditChain.Append"/> so the link is right.
/// </summary>
/// <param name="Actor">Who: a user id, a member id, or "system".</param>
/// <param name="At">When (stored and hashed as UTC).</param>
/// <param name="Action">What, e.g. "vote.cast" or a MemberReplaced description.</param>
/// <param name="Origin">From where: client address, "link", "timer", ...</param>
/// <param name="Subject">What it concerns, e.g. a regulation id.</param>
/// <param name="PreviousHash">SHA-256 (hex) of the previous entry's canonical form.</param>
public sealed record AuditEntry(string Actor, DateTimeOffset At, string Action, string Origin, string Subject, string PreviousHash);
