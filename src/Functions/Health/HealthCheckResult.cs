namespace QuyCheWorkflow.Functions.Health;

/// <summary>One dependency's reachability.</summary>
/// <param name="Status">ok, error or skipped.</param>
/// <param name="Reason">A short reason; never a secret or a URL with a query string.</param>
/// <param name="LatencyMs">How long the probe took, in milliseconds.</param>
public sealed record HealthCheckResult(HealthCheckStatus Status, string Reason, double LatencyMs);
