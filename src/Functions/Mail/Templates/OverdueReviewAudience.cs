namespace QuyCheWorkflow.Functions.Mail.Templates;

public enum OverdueReviewAudience
{
    /// <summary>The organisation whose review is overdue (its office and secretary).</summary>
    Organisation,

    /// <summary>The upper-level office that oversees it.</summary>
    UpperLevel,
}
