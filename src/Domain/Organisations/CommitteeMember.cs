namespace QuyCheWorkflow.Domain.Organisations;

/// <summary>A standing committee member: who receives a personal voting link and how they are addressed.</summary>
/// <param name="MemberId">Stable identifier of the person, unique within the committee.</param>
/// <param name="FullName">Name as written in documents (Vietnamese, with diacritics).</param>
/// <param name="Email">Address the voting link is sent to.</param>
/// <param name="Role">Position in the committee.</param>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record CommitteeMember(string MemberId, string FullName, string Email, CommitteeRole Role);
