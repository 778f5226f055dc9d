namespace QuyCheWorkflow.Functions.Office;

/// <summary>A standing-committee member; role is Secretary, DeputySecretary or Member.</summary>
public sealed record CommitteeMemberRequest(string? MemberId, string? FullName, string? Email, string? Role);
