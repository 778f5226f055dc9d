using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.DurableTask.Worker;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// Creates the orchestrators and activities of the SDK's <see cref="DurableTaskRegistry"/> through the worker's
/// <see cref="IDurableTaskFactory"/>. An orchestrator registered with a version (<c>AddOrchestratorFunc(name,
/// version, ...)</c>) serves only instances stamped with that version; an unversioned one serves any version of a
/// name that has no versioned registration. Thread-safe.
/// </summary>
internal sealed class RegisteredTasks
{
    private readonly IDurableTaskFactory _factory;
    private readonly IServiceProvider _services;
    private readonly VersionedCreate? _createVersioned;
    private readonly ConcurrentDictionary<(string Name, string Version), bool> _orchestratorsServed = new();
    private readonly ConcurrentDictionary<string, bool> _activitiesServed = new(StringComparer.Ordinal);

    public RegisteredTasks(IDurableTaskFactory factory, IServiceProvider services)
    {
        _factory = factory;
        _services = services;
        _createVersioned = VersionedLookup(factory);
    }

    private delegate ITaskOrchestrator? VersionedCreate(TaskName name, TaskVersion version, IServiceProvider services);

    public bool ServesOrchestrator(string name, string? version) =>
        _orchestratorsServed.GetOrAdd((name, version ?? string.Empty), key => TryCreateOrchestrator(key.Name, key.Version) is not null);

    /// <summary>Creates the orchestrator for an instance; throws when <see cref="ServesOrchestrator"/> said no.</summary>
    public ITaskOrchestrator CreateOrchestrator(string name, string? version) =>
        TryCreateOrchestrator(name, version)
        ?? throw new InvalidOperationException($"No orchestrator '{name}' version '{version}' is registered.");

    public bool ServesActivity(string name) => _activitiesServed.GetOrAdd(name, n => TryCreateActivity(n, out _));

    public bool TryCreateActivity(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ITaskActivity? activity) =>
        _factory.TryCreateActivity(new TaskName(name), _services, out activity);

    /// <summary>
    /// The SDK's factory resolves versioned registrations through an interface it does not make public (its own
    /// workers reach it from inside the package); without it only unversioned registrations are found.
    /// </summary>
    private static VersionedCreate? VersionedLookup(IDurableTaskFactory factory)
    {
        var contract = typeof(IDurableTaskFactory).Assembly.GetType("Microsoft.DurableTask.Worker.IVersionedTaskFactory");
        var method = contract?.GetMethod(
            "TryCreateOrchestrator", [typeof(TaskName), typeof(TaskVersion), typeof(IServiceProvider), typeof(ITaskOrchestrator).MakeByRefType()]);
        if (contract is null || method is null || !contract.IsInstanceOfType(factory))
        {
            return null;
        }

        return (name, version, services) =>
        {
            object?[] arguments = [name, version, services, null];
            try
            {
                return method.Invoke(factory, arguments) is true ? (ITaskOrchestrator?)arguments[3] : null;
            }
            catch (TargetInvocationException failure) when (failure.InnerException is { } inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
                throw;
            }
        };
    }

    private ITaskOrchestrator? TryCreateOrchestrator(string name, string? version)
    {
        if (_createVersioned is { } create)
        {
            return create(new TaskName(name), new TaskVersion(version ?? string.Empty), _services);
        }

        return _factory.TryCreateOrchestrator(new TaskName(name), _services, out var orchestrator) ? orchestrator : null;
    }
}
