using Microsoft.DurableTask;

namespace QuyCheWorkflow.Durable.Reference.Tests.Cases;

/// <summary>
/// An orchestrator or activity class (an <see cref="ITaskOrchestrator"/> or <see cref="ITaskActivity"/> with a
/// parameterless constructor) under the name, and optionally the version, a case calls it by. An engine registers it
/// the way its host does, e.g. <c>DurableTaskRegistry.AddOrchestrator(name, version, factory)</c>.
/// </summary>
public sealed record TaskRegistration(TaskName Name, Type Implementation, string? Version = null)
{
    public bool IsOrchestrator => typeof(ITaskOrchestrator).IsAssignableFrom(Implementation);

    public static TaskRegistration Of<T>(string? version = null)
        where T : new() => new(typeof(T).Name, typeof(T), version);

    public ITaskOrchestrator CreateOrchestrator() => (ITaskOrchestrator)Activator.CreateInstance(Implementation)!;

    public ITaskActivity CreateActivity() => (ITaskActivity)Activator.CreateInstance(Implementation)!;
}
