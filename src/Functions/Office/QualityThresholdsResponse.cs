using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>The thresholds an organisation sets for the organisations below it (<see cref="QualityThresholds"/>).</summary>
public sealed record QualityThresholdsResponse(int CopiedFromPreviousTermPercent, int FormalResponseRatePercent, int FormalBareAgreementPercent)
{
    public static QualityThresholdsResponse From(QualityThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return new(thresholds.CopiedFromPreviousTermPercent, thresholds.FormalResponseRatePercent, thresholds.FormalBareAgreementPercent);
    }
}
