using QuyCheWorkflow.Durable.Reference.Tests.Cases;

namespace QuyCheWorkflow.Durable.Reference.Tests.Engines;

/// <summary>The engines every reference case runs on, and how each is started for one test class.</summary>
public static class ReferenceEngines
{
    public const string Dtfx = "DTFx";

    // The project's own engine joins here once it is a backend of the official SDK: its name in this list, and a
    // branch in StartAsync that starts its worker on a task hub of its own with ReferenceCases.Tasks registered
    // (DurableTaskRegistry.AddOrchestrator(name, version, factory) / AddActivity) and wraps its DurableTaskClient in an
    // IOrchestrationEngine (GetInstanceAsync with inputs and outputs; termination output as the official client sends
    // it). Nothing in the cases changes; where it is expected to differ from DTFx the cases already say so.
    public static IReadOnlyList<string> Names { get; } = [Dtfx];

    /// <summary>Starts <paramref name="engine"/> with a task hub of its own on the storage account of <paramref name="connectionString"/>.</summary>
    public static async Task<IOrchestrationEngine> StartAsync(string engine, string connectionString, string taskHubName, IReadOnlyCollection<TaskRegistration> tasks) =>
        engine switch
        {
            Dtfx => await DtfxEngine.StartAsync(connectionString, taskHubName, tasks),
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Not one of ReferenceEngines.Names."),
        };
}
