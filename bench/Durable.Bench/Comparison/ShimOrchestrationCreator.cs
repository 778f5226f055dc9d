using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace QuyCheWorkflow.Bench.Comparison;

/// <summary>Gives DTFx a shim around a new official orchestrator for every execution.</summary>
internal sealed class ShimOrchestrationCreator : ObjectCreator<TaskOrchestration>
{
    private readonly DurableTaskShimFactory _shims;
    private readonly Func<ITaskOrchestrator> _create;

    public ShimOrchestrationCreator(DurableTaskShimFactory shims, string name, Func<ITaskOrchestrator> create)
    {
        _shims = shims;
        _create = create;
        Name = name;
        Version = string.Empty;
    }

    public override TaskOrchestration Create() => _shims.CreateOrchestration(Name, _create());
}
