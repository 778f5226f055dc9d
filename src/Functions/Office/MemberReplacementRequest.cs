namespace QuyCheWorkflow.Functions.Office;

/// <summary>Body of <c>POST /api/organisations/{id}/committee/replacements</c>: who leaves the committee, who takes the seat.</summary>
public sealed record MemberReplacementRequest(string? OldMemberId, CommitteeMemberRequest? NewMember);
