namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// A seat given to the new member in one open vote round: the old member's discarded ballot (null if none), the
/// round's status before and after the rule was applied again, and the Vietnamese description kept in the audit log.
/// </summary>
public sealed record VoteSeatResponse(
    string RegulationId,
    string VoteRoundId,
    string? DiscardedBallot,
    string StatusBefore,
    string StatusAfter,
    string Description);
