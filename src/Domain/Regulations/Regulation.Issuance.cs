using System.Globalization;
using QuyCheWorkflow.Domain.Filings;

namespace QuyCheWorkflow.Domain.Regulations;

public sealed partial class Regulation
{
    /// <summary>
    /// Issues the approved text: the original (stage <see cref="RegulationStage.Approved"/> →
    /// <see cref="RegulationStage.Issued"/>) or the active amendment (its text becomes the one in force). The
    /// next review is due one cadence after the issue date (or after the last review, if later).
    /// <paramref name="superseded"/> must be the regulation named by <see cref="Issuance.SupersedesRegulationId"/>
    /// (null when none); it must belong to the same organisation and have a text in force, and moves to
    /// <see cref="RegulationStage.Superseded"/>. Amendments supersede nothing.
    /// The issue date lies between <paramref name="approvedOn"/> (the day the standing committee approved the
    /// text) and <paramref name="today"/> (Vietnam calendar), both included, and within the regulation's term.
    /// </summary>
    /// <exception cref="DomainException">
    /// <see cref="RefusalCode.IssueDateBeforeApproval"/>, <see cref="RefusalCode.IssueDateInFuture"/> or
    /// <see cref="RefusalCode.IssueDateOutsideTerm"/>; or the superseded regulation does not fit.
    /// </exception>
    public void Issue(Issuance issuance, Regulation? superseded, DateOnly approvedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(issuance);
        ContentHash.ThrowIfEmpty(issuance.FinalDocumentHash, nameof(issuance));
        EnsureIssueDate(issuance.IssueDate, approvedOn, today);
        if (issuance.SupersedesRegulationId != superseded?.Id)
        {
            throw new DomainException(
                RefusalCode.SupersededMismatch,
                $"The issuance names '{issuance.SupersedesRegulationId}' as superseded but '{superseded?.Id}' was given.",
                new Dictionary<string, string> { ["named"] = issuance.SupersedesRegulationId ?? string.Empty, ["given"] = superseded?.Id ?? string.Empty });
        }

        if (superseded is not null)
        {
            EnsureMaySupersede(superseded);
        }

        if (_stageAfterIssue is null)
        {
            InitialCycle.Issue(issuance);
            _stageAfterIssue = RegulationStage.Issued;
            superseded?.End(RegulationStage.Superseded, issuance.IssueDate, Id);
        }
        else
        {
            AmendmentCycle amendment = ActiveAmendment ?? throw InvalidTransitionException.For(Subject, Stage, "issue");
            amendment.Cycle.Issue(issuance);
            amendment.Status = AmendmentStatus.Issued;
        }

        CurrentIssuance = issuance;
        NextReviewDue = ReviewSchedule.NextDueDate(issuance.IssueDate, LastReviewDate > issuance.IssueDate ? LastReviewDate : null);
    }

    /// <summary>
    /// Refuses as <see cref="Issue"/> does when this regulation's issue may not supersede <paramref name="superseded"/>:
    /// it must be another regulation of the same organisation with a text in force, and the text to issue must be the
    /// original (an amendment supersedes nothing). Changes nothing.
    /// </summary>
    /// <exception cref="DomainException">
    /// <see cref="RefusalCode.SupersedesOtherOrganisation"/> or <see cref="RefusalCode.AmendmentCannotSupersede"/>.
    /// </exception>
    /// <exception cref="InvalidTransitionException"><paramref name="superseded"/> has no text in force.</exception>
    public void EnsureMaySupersede(Regulation superseded)
    {
        ArgumentNullException.ThrowIfNull(superseded);
        if (superseded.Id == Id || superseded.OrganisationId != OrganisationId)
        {
            throw new DomainException(RefusalCode.SupersedesOtherOrganisation, $"Regulation '{Id}' can only supersede another regulation of organisation '{OrganisationId}'.",
                new Dictionary<string, string> { ["regulationId"] = superseded.Id });
        }

        superseded.EnsureStage("be superseded", RegulationStage.Issued, RegulationStage.Filed, RegulationStage.InForce);
        if (_stageAfterIssue is not null)
        {
            throw new DomainException(RefusalCode.AmendmentCannotSupersede, "An amendment does not supersede another regulation.");
        }
    }

    /// <summary>
    /// Records that the issued text (the original, stage <see cref="RegulationStage.Issued"/>, or an issued
    /// amendment) was sent to the upper level. The filing must be this regulation's, still sent, and carry
    /// the symbol of the text being filed.
    /// </summary>
    public void File(Filing filing)
    {
        ArgumentNullException.ThrowIfNull(filing);
        EnsureOwnFiling(filing, FilingStatus.Sent, "file with the upper level");
        if (Stage == RegulationStage.Issued)
        {
            EnsureSymbol(filing, InitialCycle.Issuance!);
            FilingId = filing.Id;
            _stageAfterIssue = RegulationStage.Filed;
        }
        else if (Stage == RegulationStage.InForce && ActiveAmendment is { Status: AmendmentStatus.Issued } amendment)
        {
            EnsureSymbol(filing, amendment.Cycle.Issuance!);
            amendment.FilingId = filing.Id;
            amendment.Status = AmendmentStatus.Filed;
        }
        else
        {
            throw InvalidTransitionException.For(Subject, Stage, "file with the upper level", "Nothing issued is waiting to be filed.");
        }

        _filingIds.Add(filing.Id);
    }

    /// <summary>
    /// Applies the upper level's acknowledgement of the current filing: the original text goes
    /// <see cref="RegulationStage.Filed"/> → <see cref="RegulationStage.InForce"/>; an amendment is completed.
    /// </summary>
    public void ApplyFilingAcknowledged(Filing filing)
    {
        ArgumentNullException.ThrowIfNull(filing);
        EnsureOwnFiling(filing, FilingStatus.Acknowledged, "apply the filing acknowledgement");
        if (Stage == RegulationStage.Filed && filing.Id == FilingId)
        {
            _stageAfterIssue = RegulationStage.InForce;
        }
        else if (ActiveAmendment is { Status: AmendmentStatus.Filed } amendment && filing.Id == amendment.FilingId)
        {
            amendment.Status = AmendmentStatus.Acknowledged;
        }
        else
        {
            throw InvalidTransitionException.For(Subject, Stage, "apply the filing acknowledgement", $"Filing '{filing.Id}' is not awaiting an answer.");
        }
    }

    /// <summary>
    /// Applies the upper level's return of the current filing: the text stays in force (stage
    /// <see cref="RegulationStage.InForce"/>) and an amendment cycle <paramref name="amendmentId"/> starts with the
    /// return reasons. A returned amendment is closed and replaced by the new one.
    /// </summary>
    /// <returns>The amendment started.</returns>
    public AmendmentCycle ApplyFilingReturned(Filing filing, string amendmentId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(filing);
        ArgumentException.ThrowIfNullOrWhiteSpace(amendmentId);
        EnsureOwnFiling(filing, FilingStatus.Returned, "apply the filing return");
        if (Stage == RegulationStage.Filed && filing.Id == FilingId)
        {
            _stageAfterIssue = RegulationStage.InForce;
        }
        else if (ActiveAmendment is { Status: AmendmentStatus.Filed } amendment && filing.Id == amendment.FilingId)
        {
            amendment.Status = AmendmentStatus.Returned;
        }
        else
        {
            throw InvalidTransitionException.For(Subject, Stage, "apply the filing return", $"Filing '{filing.Id}' is not awaiting an answer.");
        }

        return StartAmendment(amendmentId, AmendmentReason.ReturnedByUpperLevel, filing.ReturnReasons, at);
    }

    /// <summary>
    /// Checks an issue date as <see cref="Issue"/> does: between <paramref name="approvedOn"/> and
    /// <paramref name="today"/> (Vietnam calendar, both included) and within the term.
    /// </summary>
    /// <exception cref="DomainException">
    /// <see cref="RefusalCode.IssueDateBeforeApproval"/>, <see cref="RefusalCode.IssueDateInFuture"/> or
    /// <see cref="RefusalCode.IssueDateOutsideTerm"/>.
    /// </exception>
    public void EnsureIssueDate(DateOnly issueDate, DateOnly approvedOn, DateOnly today)
    {
        string issued = Iso(issueDate);
        if (issueDate < approvedOn)
        {
            throw new DomainException(RefusalCode.IssueDateBeforeApproval,
                $"The issue date {issued} is before the approval on {Iso(approvedOn)}.",
                new Dictionary<string, string> { ["issueDate"] = issued, ["approvedOn"] = Iso(approvedOn) });
        }

        if (issueDate > today)
        {
            throw new DomainException(RefusalCode.IssueDateInFuture,
                $"The issue date {issued} is after today ({Iso(today)}).",
                new Dictionary<string, string> { ["issueDate"] = issued, ["today"] = Iso(today) });
        }

        if (issueDate.Year < Term.StartYear || issueDate.Year > Term.EndYear)
        {
            throw new DomainException(RefusalCode.IssueDateOutsideTerm,
                $"The issue date {issued} is outside the term {Term}.",
                new Dictionary<string, string> { ["issueDate"] = issued, ["term"] = Term.ToString() });
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private void EnsureOwnFiling(Filing filing, FilingStatus expected, string action)
    {
        if (filing.RegulationId != Id)
        {
            throw new DomainException(RefusalCode.ObjectOfAnotherRegulation, $"Filing '{filing.Id}' belongs to regulation '{filing.RegulationId}', not '{Id}'.",
                new Dictionary<string, string> { ["objectId"] = filing.Id });
        }

        if (filing.Status != expected)
        {
            throw InvalidTransitionException.For("filing", filing.Status, action);
        }
    }

    private static void EnsureSymbol(Filing filing, Issuance issuance)
    {
        if (filing.DocumentSymbol != issuance.Number.Symbol)
        {
            throw new DomainException(RefusalCode.FilingSymbolMismatch, $"Filing '{filing.Id}' is for '{filing.DocumentSymbol}', but the text to file is '{issuance.Number.Symbol}'.",
                new Dictionary<string, string> { ["filingSymbol"] = filing.DocumentSymbol, ["issuedSymbol"] = issuance.Number.Symbol });
        }
    }
}
