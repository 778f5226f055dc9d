namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>
/// Stage of a regulation's lifecycle:
/// <c>Drafting → InConsultation → Resolving → InVote → (failed vote: Resolving) → Approved → Issued → Filed →
/// InForce → Superseded | Repealed</c>. A filing acknowledged by the upper level, or returned (which also
/// starts an amendment), both lead to <see cref="InForce"/>: an issued text is in force either way.
/// Amendments run as a child cycle (<see cref="AmendmentCycle"/>) while the regulation stays in force.
/// </summary>
public enum RegulationStage
{
    /// <summary>Dự thảo: the office uploads draft versions.</summary>
    Drafting,

    /// <summary>Lấy ý kiến góp ý: a consultation round is open.</summary>
    InConsultation,

    /// <summary>Tiếp thu, giải trình: resolving comments, revising the draft; also after a failed vote.</summary>
    Resolving,

    /// <summary>Biểu quyết: the standing committee is voting.</summary>
    InVote,

    /// <summary>Approved by the standing committee; awaiting number and signature.</summary>
    Approved,

    /// <summary>Ban hành: issued, not yet filed with the upper level.</summary>
    Issued,

    /// <summary>Sent to the upper level, awaiting acknowledgement.</summary>
    Filed,

    /// <summary>In force and reviewed periodically.</summary>
    InForce,

    /// <summary>Replaced (bãi bỏ) by a newer regulation of the same organisation. Final.</summary>
    Superseded,

    /// <summary>Repealed after a review. Final.</summary>
    Repealed,
}
