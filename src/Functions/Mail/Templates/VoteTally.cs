namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>Votes cast so far out of all standing-committee members.</summary>
public sealed record VoteTally(int Agree, int Disagree, int OtherOpinion, int MemberCount)
{
    public int NotVoted => Math.Max(0, MemberCount - Agree - Disagree - OtherOpinion);
}
