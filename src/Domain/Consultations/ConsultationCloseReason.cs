namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>Why a consultation round closed.</summary>
public enum ConsultationCloseReason
{
    /// <summary>The deadline passed; recipients who had not answered are recorded as not having answered.</summary>
    DeadlineReached,

    /// <summary>Every recipient answered before the deadline.</summary>
    AllAnswered,
}
