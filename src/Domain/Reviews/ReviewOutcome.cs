namespace QuyCheWorkflow.Domain.Reviews;

/// <summary>Decision of a periodic review meeting.</summary>
public enum ReviewOutcome
{
    /// <summary>Keep the regulation as it is; the next review is scheduled one cadence after the meeting.</summary>
    Keep,

    /// <summary>Amend: a new draft-to-issuance cycle starts while the current text stays in force.</summary>
    Amend,

    /// <summary>Repeal the regulation.</summary>
    Repeal,
}
