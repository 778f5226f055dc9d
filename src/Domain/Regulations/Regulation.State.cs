namespace QuyCheWorkflow.Domain.Regulations;

public sealed partial class Regulation
{
    private Regulation(RegulationState state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state.Id);
        Id = state.Id;
        OrganisationId = state.OrganisationId;
        Term = state.Term;
        Title = state.Title;
        ReviewSchedule = state.ReviewSchedule;
        CreatedAt = state.CreatedAt;
        InitialCycle = DraftingCycle.FromState(state.InitialCycle);
        _stageAfterIssue = state.StageAfterIssue;
        CurrentIssuance = state.CurrentIssuance;
        FilingId = state.FilingId;
        _filingIds.AddRange(state.FilingIds);
        LastReviewDate = state.LastReviewDate;
        NextReviewDue = state.NextReviewDue;
        _amendments.AddRange(state.Amendments.Select(AmendmentCycle.FromState));
        SupersededByRegulationId = state.SupersededByRegulationId;
        EndedOn = state.EndedOn;
    }

    /// <summary>A snapshot for persistence.</summary>
    public RegulationState ToState() => new(
        Id, OrganisationId, Term, Title, ReviewSchedule, CreatedAt, InitialCycle.ToState(), _stageAfterIssue, CurrentIssuance,
        FilingId, [.. _filingIds], LastReviewDate, NextReviewDue, [.. _amendments.Select(a => a.ToState())],
        SupersededByRegulationId, EndedOn);

    /// <summary>Rebuilds a regulation saved with <see cref="ToState"/>.</summary>
    /// <exception cref="DomainException">More than one active amendment, or a stage after issue without an issuance.</exception>
    public static Regulation FromState(RegulationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Regulation regulation = new(state);
        if (regulation._amendments.Count(a => a.IsActive) > 1)
        {
            throw new DomainException(RefusalCode.StoredStateInconsistent, $"Regulation '{state.Id}' has more than one active amendment.",
                new Dictionary<string, string> { ["what"] = "regulation " + state.Id });
        }

        if (state.StageAfterIssue is not null && (state.CurrentIssuance is null || state.StageAfterIssue < RegulationStage.Issued))
        {
            throw new DomainException(RefusalCode.StoredStateInconsistent, $"Regulation '{state.Id}' is {state.StageAfterIssue} without being issued.",
                new Dictionary<string, string> { ["what"] = "regulation " + state.Id });
        }

        return regulation;
    }
}
