using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>An amendment of a regulation in force as the office API returns it: why it started, where it stands and its drafting cycle.</summary>
public sealed record AmendmentResponse(
    string Id,
    AmendmentReason Reason,
    IReadOnlyList<string> Reasons,
    DateTimeOffset StartedAt,
    AmendmentStatus Status,
    DraftingCycleResponse Cycle,
    string? FilingId)
{
    public static AmendmentResponse From(AmendmentCycle amendment)
    {
        ArgumentNullException.ThrowIfNull(amendment);
        return new(amendment.Id, amendment.Reason, [.. amendment.Reasons], ApiInstant.Of(amendment.StartedAt), amendment.Status,
            DraftingCycleResponse.From(amendment.Cycle), amendment.FilingId);
    }
}
