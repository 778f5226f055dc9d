using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// A change of the <see cref="QualityThresholds"/> an organisation sets for those below it: each figure given (a
/// percentage from 1 to 100) replaces the current one, the others stay; <see cref="Clear"/> removes the setting.
/// </summary>
public sealed record QualityThresholdChanges(
    int? CopiedFromPreviousTermPercent = null,
    int? FormalResponseRatePercent = null,
    int? FormalBareAgreementPercent = null,
    bool Clear = false)
{
    /// <summary>The thresholds after this change of <paramref name="current"/> (null: none set).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A figure is not a percentage from 1 to 100.</exception>
    public QualityThresholds? ApplyTo(QualityThresholds? current)
    {
        if (Clear)
        {
            return null;
        }

        var from = current ?? QualityThresholds.Default;
        var changed = new QualityThresholds(
            CopiedFromPreviousTermPercent ?? from.CopiedFromPreviousTermPercent,
            FormalResponseRatePercent ?? from.FormalResponseRatePercent,
            FormalBareAgreementPercent ?? from.FormalBareAgreementPercent);
        return changed.IsValid ? changed : throw new ArgumentOutOfRangeException(nameof(current), changed, "Each threshold is a percentage from 1 to 100.");
    }
}
