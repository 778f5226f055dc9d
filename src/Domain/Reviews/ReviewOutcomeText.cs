namespace QuyCheWorkflow.Domain.Reviews;

/// <summary>Vietnamese labels of a periodic review's outcome, as the pages show them (lower-cased in running text).</summary>
public static class ReviewOutcomeText
{
    public static string Label(ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Keep => "Giữ nguyên",
        ReviewOutcome.Amend => "Sửa đổi, bổ sung",
        ReviewOutcome.Repeal => "Bãi bỏ",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
