namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>State of an amendment cycle. While <see cref="InProgress"/> its drafting stage is in <see cref="DraftingCycle.Stage"/>.</summary>
public enum AmendmentStatus
{
    /// <summary>Drafting, consultation, resolution or vote under way.</summary>
    InProgress,

    /// <summary>The amendment was issued; its text is now the one in force; not yet filed.</summary>
    Issued,

    /// <summary>Filed with the upper level, awaiting acknowledgement.</summary>
    Filed,

    /// <summary>The upper level acknowledged it. Final.</summary>
    Acknowledged,

    /// <summary>The upper level returned it; a further amendment has started. Final.</summary>
    Returned,

    /// <summary>The regulation was superseded or repealed before the amendment finished. Final.</summary>
    Abandoned,
}
