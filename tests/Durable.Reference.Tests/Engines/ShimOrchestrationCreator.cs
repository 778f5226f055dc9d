using DurableTask.Core;
using Microsoft.DurableTask.Worker.Shims;
using QuyCheWorkflow.Durable.Reference.Tests.Cases;

namespace QuyCheWorkflow.Durable.Reference.Tests.Engines;

/// <summary>
/// Gives DTFx a fresh shim around a new official orchestrator for every execution, as DTFx asks its object creators.
/// DTFx does not tell a creator which instance it creates for, so no <c>ParentOrchestrationInstance</c> can be passed
/// and <c>TaskOrchestrationContext.Parent</c> is null on this path.
/// </summary>
internal sealed class ShimOrchestrationCreator : ObjectCreator<TaskOrchestration>
{
    private readonly DurableTaskShimFactory _shims;
    private readonly TaskRegistration _registration;

    public ShimOrchestrationCreator(DurableTaskShimFactory shims, TaskRegistration registration)
    {
        _shims = shims;
        _registration = registration;
        Name = registration.Name.Name;
        Version = registration.Version ?? string.Empty;
    }

    public override TaskOrchestration Create() => _shims.CreateOrchestration(_registration.Name, _registration.CreateOrchestrator());
}
