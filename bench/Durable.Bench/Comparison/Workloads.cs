using Microsoft.DurableTask;

namespace QuyCheWorkflow.Bench.Comparison;

/// <summary>
/// The side-by-side workloads, written with the official durabletask types so that any engine hosting them runs the
/// same code: an engine registers <see cref="Orchestrators"/> and <see cref="Activities"/> (e.g. with
/// <c>DurableTaskRegistry.AddOrchestrator(name, factory)</c>). Names match the project engine's bench.
/// </summary>
internal static class Workloads
{
    public const int ChainLength = 5;
    public const int EventsPerInstance = 5;

    public const string Chain = nameof(Chain);
    public const string Step = nameof(Step);
    public const string Listener = nameof(Listener);
    public const string Tick = "tick";

    public static IReadOnlyDictionary<string, Func<ITaskOrchestrator>> Orchestrators(WorkloadProgress progress) =>
        new Dictionary<string, Func<ITaskOrchestrator>>(StringComparer.Ordinal)
        {
            [Chain] = () => new ChainOrchestrator(progress),
            [Listener] = () => new ListenerOrchestrator(progress),
        };

    public static IReadOnlyDictionary<string, Func<ITaskActivity>> Activities { get; } =
        new Dictionary<string, Func<ITaskActivity>>(StringComparer.Ordinal) { [Step] = () => new StepActivity() };
}
