using QuyCheWorkflow.Domain.Campaigns;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// A campaign's roll-up at <see cref="At"/>: every member with its compliance, the late first, then not started,
/// under way and done, each group in tree order; and the count of each state (every state present, zero when none).
/// </summary>
public sealed record CampaignRollUp(Campaign Campaign, DateTimeOffset At, IReadOnlyList<CampaignMember> Members)
{
    private static readonly CampaignComplianceState[] s_order =
        [CampaignComplianceState.Late, CampaignComplianceState.NotStarted, CampaignComplianceState.UnderWay, CampaignComplianceState.Done];

    /// <summary>The states in the order the roll-up lists them.</summary>
    public static IReadOnlyList<CampaignComplianceState> StateOrder => s_order;

    /// <summary>How many members are in each state.</summary>
    public IReadOnlyDictionary<CampaignComplianceState, int> Counts { get; } =
        s_order.ToDictionary(s => s, s => Members.Count(m => m.Compliance.State == s));

    /// <summary>The members in <paramref name="state"/>, or all of them when null.</summary>
    public IReadOnlyList<CampaignMember> In(CampaignComplianceState? state) =>
        state is null ? Members : [.. Members.Where(m => m.Compliance.State == state)];

    internal static int Rank(CampaignComplianceState state) => Array.IndexOf(s_order, state);
}
