namespace QuyCheWorkflow.Domain.Voting;

/// <summary>State of a vote round.</summary>
public enum VoteRoundStatus
{
    /// <summary>Members may cast and change ballots until the deadline or the decision.</summary>
    Open,

    /// <summary>
    /// The deadline passed without a decision. Ballots are frozen; the office either extends the deadline
    /// (back to <see cref="Open"/>) or records the result of an in-person meeting.
    /// </summary>
    ExpiredUndecided,

    /// <summary>Decided: the draft is approved.</summary>
    Passed,

    /// <summary>Decided: the draft goes back to resolution with the reasons given.</summary>
    Failed,
}
