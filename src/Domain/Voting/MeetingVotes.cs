namespace QuyCheWorkflow.Domain.Voting;

/// <summary>The votes counted at an in-person standing-committee meeting, as its minutes record them.</summary>
/// <param name="Agrees">Members who agreed.</param>
/// <param name="Disagrees">Members who disagreed.</param>
/// <param name="OtherOpinions">Members with another opinion.</param>
public sealed record MeetingVotes(int Agrees, int Disagrees, int OtherOpinions)
{
    /// <summary>Every vote counted.</summary>
    public int Total => Agrees + Disagrees + OtherOpinions;
}
