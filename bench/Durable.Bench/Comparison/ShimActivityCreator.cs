using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace QuyCheWorkflow.Bench.Comparison;

/// <summary>Gives DTFx a shim around a new official activity for every call.</summary>
internal sealed class ShimActivityCreator : ObjectCreator<TaskActivity>
{
    private readonly DurableTaskShimFactory _shims;
    private readonly Func<ITaskActivity> _create;

    public ShimActivityCreator(DurableTaskShimFactory shims, string name, Func<ITaskActivity> create)
    {
        _shims = shims;
        _create = create;
        Name = name;
        Version = string.Empty;
    }

    public override TaskActivity Create() => _shims.CreateActivity(Name, _create());
}
