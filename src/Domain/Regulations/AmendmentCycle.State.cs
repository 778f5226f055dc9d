namespace QuyCheWorkflow.Domain.Regulations;

public sealed partial class AmendmentCycle
{
    private AmendmentCycle(AmendmentCycleState state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state.Id);
        Id = state.Id;
        RegulationId = state.RegulationId;
        Reason = state.Reason;
        Reasons = [.. state.Reasons];
        StartedAt = state.StartedAt;
        Cycle = DraftingCycle.FromState(state.Cycle);
        Status = state.Status;
        FilingId = state.FilingId;
    }

    /// <summary>A snapshot for persistence (part of <see cref="RegulationState"/>).</summary>
    public AmendmentCycleState ToState() => new(Id, RegulationId, Reason, Reasons, StartedAt, Cycle.ToState(), Status, FilingId);

    internal static AmendmentCycle FromState(AmendmentCycleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new AmendmentCycle(state);
    }
}
