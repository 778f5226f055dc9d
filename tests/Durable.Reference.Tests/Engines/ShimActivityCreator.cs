using DurableTask.Core;
using Microsoft.DurableTask.Worker.Shims;
using QuyCheWorkflow.Durable.Reference.Tests.Cases;

namespace QuyCheWorkflow.Durable.Reference.Tests.Engines;

/// <summary>Gives DTFx a shim around a new official activity for every call.</summary>
internal sealed class ShimActivityCreator : ObjectCreator<TaskActivity>
{
    private readonly DurableTaskShimFactory _shims;
    private readonly TaskRegistration _registration;

    public ShimActivityCreator(DurableTaskShimFactory shims, TaskRegistration registration, string version)
    {
        _shims = shims;
        _registration = registration;
        Name = registration.Name.Name;
        Version = version;
    }

    public override TaskActivity Create() => _shims.CreateActivity(_registration.Name, _registration.CreateActivity());
}
