namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// Body of <c>POST .../issuance</c>. The signer is a member of the standing committee, named by
/// <see cref="SignerMemberId"/> or, failing that, by <see cref="SignerName"/> (the full name as on the committee).
/// </summary>
public sealed record IssueRequest(DateOnly? IssueDate, string? SignerMemberId, string? SignerName, string? SupersedesRegulationId);
