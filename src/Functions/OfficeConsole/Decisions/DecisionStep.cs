namespace QuyCheWorkflow.Functions.OfficeConsole.Decisions;

/// <summary>A regulation's steps from the committee vote to the review, each with its own page.</summary>
public enum DecisionStep
{
    /// <summary>Put the draft to the standing committee.</summary>
    Vote,

    /// <summary>Extend the vote's deadline.</summary>
    ExtendVote,

    /// <summary>Record the result of a vote held at a meeting.</summary>
    InPersonResult,

    /// <summary>Issue the approved text.</summary>
    Issue,

    /// <summary>File the issued text with the upper level.</summary>
    File,

    /// <summary>Record a periodic review.</summary>
    Review,
}
