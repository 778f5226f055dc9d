using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Quality;

namespace QuyCheWorkflow.Functions.Status;

public sealed partial class StatusProjection
{
    /// <summary>
    /// The copy figures of the current regulation's text and its latest closed consultation round, judged with the
    /// thresholds of the organisation's upper level (<see cref="RegulationQuality"/>); the thresholds are read only
    /// when there is something to judge.
    /// </summary>
    private async Task<(TextLikeness?, ConsultationSummary?)> QualityAsync(Organisation organisation, List<Regulation> ofOrganisation,
        Regulation current, CancellationToken cancellationToken)
    {
        if (quality is null || (RegulationQuality.CurrentTextOf(current) is null && !current.InitialCycle.ConsultationRoundIds.Any()
            && !current.Amendments.Any(a => a.Cycle.ConsultationRoundIds.Count > 0)))
        {
            return (null, null);
        }

        var thresholds = await quality.ThresholdsForAsync(organisation, cancellationToken);
        var likeness = await quality.LikenessAsync(organisation, ofOrganisation, current, thresholds, cancellationToken);
        var latest = await quality.LatestClosedRoundAsync(current, thresholds, cancellationToken);
        return (likeness, latest is null ? null : ConsultationSummary.From(latest));
    }
}
