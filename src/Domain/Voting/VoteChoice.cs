namespace QuyCheWorkflow.Domain.Voting;

/// <summary>
/// A standing committee member's ballot choice (<i>đồng ý / không đồng ý / ý kiến khác</i>). Only
/// <see cref="Agree"/> counts towards passing; <see cref="OtherOpinion"/> counts as not agreeing.
/// </summary>
public enum VoteChoice
{
    /// <summary>Đồng ý. A reason is optional.</summary>
    Agree,

    /// <summary>Không đồng ý. A reason is required: a failed draft goes back to resolution with the reasons.</summary>
    Disagree,

    /// <summary>Ý kiến khác. A reason is required, for the same reason; counts as not agreeing.</summary>
    OtherOpinion,
}
