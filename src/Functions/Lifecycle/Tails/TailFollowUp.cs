namespace QuyCheWorkflow.Functions.Lifecycle.Tails;

/// <summary>A follow-up command on another row (itself idempotent, with a tail of its own).</summary>
// WARNING: stored as JSON in table rows until carried out.
public sealed record TailFollowUp(FollowUpKind Kind, string RegulationId, string SubjectId);

/// <summary>The follow-up commands a tail can hold.</summary>
// WARNING: stored by name in table rows until carried out.
public enum FollowUpKind
{
    /// <summary>A decided vote round (subject) moves its regulation on.</summary>
    ApplyVoteDecision,

    /// <summary>A closed consultation round (subject) moves its regulation to resolving, with its sheet.</summary>
    StartResolution,

    /// <summary>An answered filing (subject) moves its regulation on.</summary>
    ApplyFilingResponse,

    /// <summary>A recorded review (subject) moves its regulation on.</summary>
    ApplyReview,

    /// <summary>The row of the regulation's next due review exists (subject unused).</summary>
    EnsurePendingReview,
}
