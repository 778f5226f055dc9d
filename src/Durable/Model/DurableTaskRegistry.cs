using Microsoft.Extensions.DependencyInjection;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// The orchestrators and activities a worker serves. An orchestrator is registered for a name and, optionally, a
/// version: a registration with a version serves only instances stamped with it; one without serves every version
/// that has no exact registration. Not thread-safe while being filled; read-only once the worker runs.
/// </summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<(string Name, string Version), Func<IServiceProvider, ITaskOrchestrator>> _orchestrators = [];
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> _activities = new(StringComparer.Ordinal);

    /// <summary>Registers an orchestrator class under its type name or <paramref name="name"/>, for <paramref name="version"/> or any.</summary>
    public DurableTaskRegistry AddOrchestrator<TOrchestrator>(string? name = null, string? version = null)
        where TOrchestrator : class, ITaskOrchestrator =>
        AddOrchestrator(name ?? typeof(TOrchestrator).Name, version, sp => ActivatorUtilities.CreateInstance<TOrchestrator>(sp));

    /// <summary>Registers an orchestrator function.</summary>
    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(
        string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> run, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return AddOrchestrator(name, version, _ => new FuncOrchestrator<TInput, TOutput>(run));
    }

    /// <summary>Registers an activity class under its type name or <paramref name="name"/>.</summary>
    public DurableTaskRegistry AddActivity<TActivity>(string? name = null)
        where TActivity : class, ITaskActivity =>
        AddActivity(name ?? typeof(TActivity).Name, sp => ActivatorUtilities.CreateInstance<TActivity>(sp));

    /// <summary>Registers an activity function.</summary>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(string name, Func<TaskActivityContext, TInput, Task<TOutput>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return AddActivity(name, _ => new FuncActivity<TInput, TOutput>(run));
    }

    internal bool Serves(string name, string? version) => FindOrchestrator(name, version) is not null;

    internal Func<IServiceProvider, ITaskOrchestrator>? FindOrchestrator(string name, string? version)
    {
        if (_orchestrators.TryGetValue((name, version ?? string.Empty), out var exact))
        {
            return exact;
        }

        return _orchestrators.TryGetValue((name, string.Empty), out var any) ? any : null;
    }

    internal Func<IServiceProvider, ITaskActivity>? FindActivity(string name) => _activities.GetValueOrDefault(name);

    private DurableTaskRegistry AddOrchestrator(string name, string? version, Func<IServiceProvider, ITaskOrchestrator> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_orchestrators.TryAdd((name, version ?? string.Empty), factory))
        {
            throw new ArgumentException($"Orchestrator '{name}' version '{version}' is already registered.", nameof(name));
        }

        return this;
    }

    private DurableTaskRegistry AddActivity(string name, Func<IServiceProvider, ITaskActivity> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_activities.TryAdd(name, factory))
        {
            throw new ArgumentException($"Activity '{name}' is already registered.", nameof(name));
        }

        return this;
    }
}
