namespace QuyCheWorkflow.Status.Bench;

/// <summary>What one wave measured; the instants are from the wave's instant.</summary>
internal sealed record CampaignWaveResult(
    string WaveId,
    int Members,
    int Planned,
    int Sent,
    int NotSent,
    int Organisations,
    long Mails,
    TimeSpan? FirstClaim,
    TimeSpan? LastSent,
    TimeSpan Completed,
    TimeSpan Elapsed,
    double IdleRequestsPerSecond,
    TimeSpan Cpu,
    IReadOnlyDictionary<string, long> Operations,
    IReadOnlyDictionary<string, long> Resources);
