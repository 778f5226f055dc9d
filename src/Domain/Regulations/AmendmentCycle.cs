namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>
/// An amendment (<i>sửa đổi, bổ sung</i>) of a regulation in force: its own drafting cycle (steps 1–5, in
/// <see cref="Cycle"/>) followed by filing (step 6), while the current text stays in force. Started by the
/// regulation aggregate only (a returned filing or a review deciding to amend); at most one is active.
/// </summary>
public sealed partial class AmendmentCycle
{
    internal AmendmentCycle(string id, string regulationId, AmendmentReason reason, IReadOnlyList<string> reasons, DateTimeOffset startedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        RegulationId = regulationId;
        Reason = reason;
        Reasons = reasons;
        StartedAt = startedAt;
        Cycle = new DraftingCycle(regulationId, "amendment");
    }

    public string Id { get; }

    public string RegulationId { get; }

    public AmendmentReason Reason { get; }

    /// <summary>The changes asked for: the upper level's return reasons, or the review's notes.</summary>
    public IReadOnlyList<string> Reasons { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>The amendment's drafting pipeline.</summary>
    public DraftingCycle Cycle { get; }

    public AmendmentStatus Status { get; internal set; }

    public string? FilingId { get; internal set; }

    /// <summary>True while the amendment can still progress (in progress, issued or filed).</summary>
    public bool IsActive => Status is AmendmentStatus.InProgress or AmendmentStatus.Issued or AmendmentStatus.Filed;
}
