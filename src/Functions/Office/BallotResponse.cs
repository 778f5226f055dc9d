using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>A member's ballot: the choice, the reason given (required when disagreeing) and when it was cast.</summary>
public sealed record BallotResponse(string MemberId, VoteChoice Choice, string? Reason, DateTimeOffset CastAt)
{
    public static BallotResponse From(Ballot ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        return new(ballot.MemberId, ballot.Choice, ballot.Reason, ApiInstant.Of(ballot.CastAt));
    }
}
