namespace QuyCheWorkflow.Domain.Voting;

/// <summary>Counts of a vote round against the size of its member snapshot.</summary>
/// <param name="MemberCount">Members in the round's snapshot: the denominator of every rule.</param>
/// <param name="Agrees">Ballots "đồng ý".</param>
/// <param name="Disagrees">Ballots "không đồng ý".</param>
/// <param name="OtherOpinions">Ballots "ý kiến khác" (count as not agreeing).</param>
public sealed record VoteTally(int MemberCount, int Agrees, int Disagrees, int OtherOpinions)
{
    /// <summary>Members who have not voted.</summary>
    public int Undecided => MemberCount - Agrees - Disagrees - OtherOpinions;

    public int Cast => Agrees + Disagrees + OtherOpinions;

    /// <summary>Tallies <paramref name="ballots"/> for a snapshot of <paramref name="memberCount"/> members.</summary>
    public static VoteTally Of(int memberCount, IEnumerable<Ballot> ballots)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        List<Ballot> list = [.. ballots];
        VoteTally tally = new(
            memberCount,
            list.Count(b => b.Choice == VoteChoice.Agree),
            list.Count(b => b.Choice == VoteChoice.Disagree),
            list.Count(b => b.Choice == VoteChoice.OtherOpinion));
        return tally.Undecided < 0
            ? throw new ArgumentException("More ballots than members.", nameof(ballots))
            : tally;
    }
}
