namespace QuyCheWorkflow.Domain.Voting;

/// <summary>Vietnamese labels for ballot choices, as shown to people.</summary>
public static class VoteChoiceText
{
    public static string Label(VoteChoice choice) => choice switch
    {
        VoteChoice.Agree => "Đồng ý",
        VoteChoice.Disagree => "Không đồng ý",
        VoteChoice.OtherOpinion => "Ý kiến khác",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
    };
}
