namespace QuyCheWorkflow.Functions.Office;

public sealed record CommitteeMemberResponse(string MemberId, string FullName, string Email, string Role);
