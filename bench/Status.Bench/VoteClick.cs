namespace QuyCheWorkflow.Status.Bench;

/// <summary>One member's vote link (its path, /l/{token}) and the choice the click sends.</summary>
internal sealed record VoteClick(string OrganisationId, string MemberId, int MemberNumber, string Path, string Choice);
