using QuyCheWorkflow.Durable.Reference.Tests.Cases;

namespace QuyCheWorkflow.Durable.Reference.Tests.Engines;

/// <summary>The engines every reference case runs on, and how each is started for one test class.</summary>
public static class ReferenceEngines
{
    public const string Dtfx = "DTFx";

    /// <summary>The project's own engine (<c>QuyCheWorkflow.Durable</c>) on its Azure Storage backend.</summary>
    public const string QuyChe = "QuyChe";

    public static IReadOnlyList<string> Names { get; } = [Dtfx, QuyChe];

    /// <summary>Starts <paramref name="engine"/> with a task hub of its own on the storage account of <paramref name="connectionString"/>.</summary>
    public static async Task<IOrchestrationEngine> StartAsync(string engine, string connectionString, string taskHubName, IReadOnlyCollection<TaskRegistration> tasks) =>
        engine switch
        {
            Dtfx => await DtfxEngine.StartAsync(connectionString, taskHubName, tasks),
            QuyChe => await QuyCheEngine.StartAsync(connectionString, taskHubName, tasks),
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Not one of ReferenceEngines.Names."),
        };
}
