namespace QuyCheWorkflow.Durable.Bench;

/// <summary>What a <see cref="RequestMix"/> replay measured: its rate, this process's CPU per request, the cycle it ran, and body sizes against the engine's.</summary>
internal sealed record MixResult(double RequestsPerSecond, double CpuMsPerRequest, string Cycle, string Sizes, string Latencies);
