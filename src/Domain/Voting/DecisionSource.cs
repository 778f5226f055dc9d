namespace QuyCheWorkflow.Domain.Voting;

/// <summary>How a vote round was decided.</summary>
public enum DecisionSource
{
    /// <summary>By the ballots cast through personal links, under the round's decision rule.</summary>
    Ballots,

    /// <summary>By the result of an in-person meeting, recorded with its minutes.</summary>
    InPersonMeeting,
}
