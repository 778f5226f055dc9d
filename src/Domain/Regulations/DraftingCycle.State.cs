namespace QuyCheWorkflow.Domain.Regulations;

public sealed partial class DraftingCycle
{
    /// <summary>A snapshot for persistence.</summary>
    public DraftingCycleState ToState()
        => new(RegulationId, Subject, Stage, [.. _drafts], [.. _consultationRoundIds], [.. _voteRoundIds], VoteFailureReasons, Issuance);

    /// <summary>Rebuilds a cycle saved with <see cref="ToState"/>.</summary>
    /// <exception cref="DomainException">Draft numbers are not 1, 2, 3, ...</exception>
    public static DraftingCycle FromState(DraftingCycleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        DraftingCycle cycle = new(state.RegulationId, state.Subject)
        {
            Stage = state.Stage,
            VoteFailureReasons = [.. state.VoteFailureReasons],
            Issuance = state.Issuance,
        };
        if (state.Drafts.Select((d, i) => d.Number != i + 1).Any(gap => gap))
        {
            throw new DomainException(RefusalCode.StoredStateInconsistent, $"The drafts of {state.Subject} '{state.RegulationId}' are not numbered 1, 2, 3, ...",
                new Dictionary<string, string> { ["what"] = state.Subject + " " + state.RegulationId });
        }

        cycle._drafts.AddRange(state.Drafts);
        cycle._consultationRoundIds.AddRange(state.ConsultationRoundIds);
        cycle._voteRoundIds.AddRange(state.VoteRoundIds);
        return cycle;
    }
}
