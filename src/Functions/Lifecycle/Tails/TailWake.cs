namespace QuyCheWorkflow.Functions.Lifecycle.Tails;

/// <summary>An orchestration to start or wake after the command, about <paramref name="SubjectId"/> of the regulation.</summary>
// WARNING: stored as JSON in table rows until carried out.
public sealed record TailWake(WakeKind Kind, string RegulationId, string SubjectId);

/// <summary>What a wake-up does. Starts are idempotent (deterministic instance ids); signals only wake.</summary>
// WARNING: stored by name in table rows until carried out.
public enum WakeKind
{
    StartConsultation,
    StartVote,
    StartFiling,

    /// <summary>Starts the review cycle of the regulation's next due review unless one runs (subject unused).</summary>
    EnsureReviewCycle,

    SignalConsultation,
    SignalVote,
    SignalFiling,
    SignalReview,

    /// <summary>The round's deadline moved: wake it, or start it again when it had finished.</summary>
    VoteDeadlineMoved,
}
