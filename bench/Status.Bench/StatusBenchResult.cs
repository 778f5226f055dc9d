namespace QuyCheWorkflow.Status.Bench;

/// <summary>What one scenario measured: per-call latency percentiles, storage requests per call and response size.</summary>
internal sealed record StatusBenchResult(string Scenario, int Calls, int Rows, double P50Ms, double P95Ms, double MaxMs, double RequestsPerCall, long ResponseBytes);
