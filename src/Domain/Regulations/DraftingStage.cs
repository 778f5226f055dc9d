namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>Stage of a drafting cycle (a new regulation's, or an amendment's), steps 1–5 of the lifecycle.</summary>
public enum DraftingStage
{
    /// <summary>Dự thảo: uploading versions.</summary>
    Drafting,

    /// <summary>A consultation round is open.</summary>
    InConsultation,

    /// <summary>Comments are being resolved and the draft revised; also where a failed vote returns.</summary>
    Resolving,

    /// <summary>A vote round is under way.</summary>
    InVote,

    /// <summary>The committee approved the draft; it awaits a number and signature.</summary>
    Approved,

    /// <summary>Issued; the cycle is over.</summary>
    Issued,
}
