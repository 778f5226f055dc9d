namespace QuyCheWorkflow.Domain.Voting;

/// <summary>What a decision rule concludes from a tally.</summary>
public enum VoteDecision
{
    /// <summary>The remaining ballots can still pass or fail the draft.</summary>
    Undecided,

    /// <summary>Enough members agree; no further ballot can change that.</summary>
    Passed,

    /// <summary>Even if every member yet to vote agreed, the draft could not pass.</summary>
    Failed,
}
