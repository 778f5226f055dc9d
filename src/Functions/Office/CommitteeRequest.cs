namespace QuyCheWorkflow.Functions.Office;

/// <summary>Body of <c>PUT /api/organisations/{id}/committee</c> (the whole committee) and, with a term, of a new term.</summary>
public sealed record CommitteeRequest(string? Term, IReadOnlyList<CommitteeMemberRequest>? Members);
