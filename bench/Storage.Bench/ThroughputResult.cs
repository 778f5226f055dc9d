namespace QuyCheWorkflow.Storage.Bench;

/// <summary>What one scenario achieved: logical operations and the HTTP requests they took.</summary>
public sealed record ThroughputResult(string Scenario, long Operations, long Requests, TimeSpan Elapsed)
{
    public double OperationsPerSecond => Operations / Elapsed.TotalSeconds;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}
