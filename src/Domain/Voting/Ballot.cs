namespace QuyCheWorkflow.Domain.Voting;

/// <summary>A member's current ballot in a vote round. Replaced when the member changes the vote.</summary>
/// <param name="MemberId">The voter.</param>
/// <param name="Choice">Agree, disagree or other opinion.</param>
/// <param name="Reason">Required (non-blank) for disagree and other opinion; optional for agree.</param>
/// <param name="CastAt">When this ballot was cast.</param>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record Ballot(string MemberId, VoteChoice Choice, string? Reason, DateTimeOffset CastAt);
