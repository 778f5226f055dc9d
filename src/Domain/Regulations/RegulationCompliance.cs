using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>
/// Whether an organisation's regulation is missing or overdue, as shown to upper-level offices. Rules:
/// only regulations of the organisation's <em>current</em> term count, so entering a new term makes the
/// organisation owe a new one even though the previous term's text is still in force; the regulation is
/// missing until one of the current term is issued (<see cref="ComplianceStatus.InPreparation"/> while it is
/// being drafted); an issued one is overdue when the Vietnam date is past its next review due date.
/// </summary>
/// <param name="Status">The verdict.</param>
/// <param name="RegulationId">The current term's regulation in force, or in preparation; null when missing.</param>
/// <param name="NextReviewDue">Due date of its next review, when in force.</param>
public sealed record RegulationCompliance(ComplianceStatus Status, string? RegulationId, DateOnly? NextReviewDue)
{
    /// <summary>True for <see cref="ComplianceStatus.Missing"/> and <see cref="ComplianceStatus.InPreparation"/>.</summary>
    public bool IsMissing => Status is ComplianceStatus.Missing or ComplianceStatus.InPreparation;

    /// <summary>Evaluates <paramref name="organisation"/> against its regulations (others are ignored) at <paramref name="now"/>.</summary>
    public static RegulationCompliance Evaluate(Organisation organisation, IEnumerable<Regulation> regulations, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(regulations);
        List<Regulation> ofCurrentTerm = [.. regulations.Where(r => r.OrganisationId == organisation.Id && r.Term == organisation.CurrentTerm)];
        Regulation? inForce = ofCurrentTerm.Where(r => r.HasTextInForce).MaxBy(r => r.CurrentIssuance!.IssueDate);
        if (inForce is not null)
        {
            bool overdue = inForce.NextReviewDue is { } due && VietnamTime.DateOf(now) > due;
            return new RegulationCompliance(overdue ? ComplianceStatus.ReviewOverdue : ComplianceStatus.InForce, inForce.Id, inForce.NextReviewDue);
        }

        Regulation? inPreparation = ofCurrentTerm.FirstOrDefault(r => r.CurrentIssuance is null);
        return inPreparation is not null
            ? new RegulationCompliance(ComplianceStatus.InPreparation, inPreparation.Id, null)
            : new RegulationCompliance(ComplianceStatus.Missing, null, null);
    }
}
