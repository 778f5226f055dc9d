using Microsoft.DurableTask.Client;

namespace QuyCheWorkflow.Durable.Reference.Tests.Cases;

/// <summary>
/// One orchestration semantics case: the orchestrators and activities it needs, how to drive them (input, events and
/// when to raise them) and the outcome the project's engine intends, with the engines that deviate and why.
/// </summary>
public sealed record ReferenceCase
{
    public required string Name { get; init; }

    public required IReadOnlyList<TaskRegistration> Tasks { get; init; }

    /// <summary>Starts the case's instance(s), drives them and returns the one whose end is checked.</summary>
    public required Func<CaseDriver, Task<OrchestrationMetadata>> Drive { get; init; }

    public required ExpectedOutcome Expected { get; init; }

    public IReadOnlyList<EngineDeviation> Deviations { get; init; } = [];

    public ExpectedOutcome ExpectedOn(string engine) =>
        Deviations.FirstOrDefault(d => d.Engine == engine)?.Expected ?? Expected;

    public override string ToString() => Name;
}
