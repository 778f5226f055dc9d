namespace QuyCheWorkflow.Storage.Bench;

/// <summary>How hard and how long each scenario drives the service.</summary>
/// <param name="Concurrency">Parallel workers per scenario.</param>
/// <param name="ScenarioDuration">How long each time-bound scenario runs.</param>
public sealed record ThroughputSettings(int Concurrency = 8, TimeSpan? ScenarioDuration = null)
{
    public TimeSpan Duration => ScenarioDuration ?? TimeSpan.FromSeconds(4);
}
