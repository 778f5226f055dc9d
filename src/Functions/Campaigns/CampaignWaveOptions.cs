namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>How a campaign's waves fan out (section <c>Campaigns</c>). Read when a wave is planned.</summary>
public sealed class CampaignWaveOptions
{
    public const string SectionName = "Campaigns";

    /// <summary>
    /// Organisations per batch activity (<c>Campaigns:WaveBatchSize</c>, default 100, 1..1000): each batch reads its
    /// status rows and its ledger rows with one range query each, then mails its organisations one by one.
    /// </summary>
    public int WaveBatchSize { get; set; } = 100;

    /// <summary>Batch activities of one wave running at once (<c>Campaigns:WaveConcurrency</c>, default 4, 1..64).</summary>
    public int WaveConcurrency { get; set; } = 4;
}
