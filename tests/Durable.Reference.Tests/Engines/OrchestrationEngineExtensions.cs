using Microsoft.DurableTask.Client;

namespace QuyCheWorkflow.Durable.Reference.Tests.Engines;

/// <summary>Waiting on an instance by reading it back, the same way on every engine.</summary>
public static class OrchestrationEngineExtensions
{
    // Reads go to the engine's store; a short pause keeps concurrent cases from flooding Azurite.
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Reads the instance until <paramref name="condition"/> holds; returns what was read then. Ends only through <paramref name="cancellationToken"/>.</summary>
    public static async Task<OrchestrationMetadata> WaitUntilAsync(
        this IOrchestrationEngine engine,
        string instanceId,
        Func<OrchestrationMetadata, bool> condition,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(condition);
        while (true)
        {
            if (await engine.GetInstanceAsync(instanceId, cancellationToken) is { } metadata && condition(metadata))
            {
                return metadata;
            }

            await Task.Delay(s_pollInterval, cancellationToken);
        }
    }

    /// <summary>Waits until the instance has completed, failed or been terminated.</summary>
    public static Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(this IOrchestrationEngine engine, string instanceId, CancellationToken cancellationToken = default) =>
        engine.WaitUntilAsync(instanceId, m => m.IsCompleted, cancellationToken);
}
