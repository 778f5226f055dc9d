using Microsoft.DurableTask.Client;

namespace QuyCheWorkflow.Durable.Reference.Tests.Cases;

/// <summary>How a case ended: the instance as last read, and what the driver observed on the way.</summary>
public sealed record CaseResult(OrchestrationMetadata Final, IReadOnlyDictionary<string, string> Observations);
