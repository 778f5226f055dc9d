namespace QuyCheWorkflow.Status.Bench;

internal sealed record SeedingResult(int Organisations, long Requests, TimeSpan Elapsed);
