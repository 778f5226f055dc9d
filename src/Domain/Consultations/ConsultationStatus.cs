namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>State of a consultation round.</summary>
public enum ConsultationStatus
{
    /// <summary>Accepting answers until the deadline.</summary>
    Open,

    /// <summary>No more answers; the comments go to resolution.</summary>
    Closed,
}
