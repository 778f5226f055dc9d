using QuyCheWorkflow.Domain.Campaigns;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// A campaign's roll-up at <see cref="At"/>: every member with its compliance, the late first, then not started,
/// under way and done, each group in tree order; and the count of each state (every state present, zero when none),
/// with how many members are flagged copied from the previous term and how many consulted for form.
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

    /// <summary>How many members' current text is flagged copied from the previous term's regulation.</summary>
    public int CopiedCount { get; } = Members.Count(m => m.IsCopiedFromPreviousTerm);

    /// <summary>How many members' latest closed consultation is flagged held for form.</summary>
    public int FormalConsultationCount { get; } = Members.Count(m => m.IsConsultationFormal);

    /// <summary>The members in <paramref name="state"/>, or all of them when null.</summary>
    public IReadOnlyList<CampaignMember> In(CampaignComplianceState? state) =>
        state is null ? Members : [.. Members.Where(m => m.Compliance.State == state)];

    internal static int Rank(CampaignComplianceState state) => Array.IndexOf(s_order, state);
}
