namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>Why a closed consultation round is counted as held for form (<i>hình thức</i>).</summary>
public enum FormalityReason
{
    /// <summary>Fewer of those asked answered than the upper level's threshold.</summary>
    LowResponseRate,

    /// <summary>Nearly every answer was a bare "nhất trí" with no comment.</summary>
    BareAgreements,
}
