namespace QuyCheWorkflow.Durable.Reference.Tests.Cases;

/// <summary>
/// Where an engine's documented behaviour is not what the project's engine intends: the outcome expected on
/// <paramref name="Engine"/> instead of the case's own, and why.
/// </summary>
public sealed record EngineDeviation(string Engine, ExpectedOutcome Expected, string Reason);
