namespace QuyCheWorkflow.Functions.Health;

/// <summary>The answer of <c>GET /api/health</c>.</summary>
/// <param name="Status">ok when every configured dependency is reachable, error otherwise.</param>
/// <param name="Checks">blob, queue, table and smtp.</param>
public sealed record HealthReport(HealthCheckStatus Status, IReadOnlyDictionary<string, HealthCheckResult> Checks);
