using Microsoft.DurableTask;

namespace QuyCheWorkflow.Bench.Comparison;

/// <summary>Waits for <see cref="Workloads.EventsPerInstance"/> <see cref="Workloads.Tick"/> events and sums them.</summary>
internal sealed class ListenerOrchestrator(WorkloadProgress progress) : TaskOrchestrator<object?, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, object? input)
    {
        if (!context.IsReplaying)
        {
            progress.ListenerStarted();
        }

        var sum = 0;
        for (var i = 0; i < Workloads.EventsPerInstance; i++)
        {
            sum += await context.WaitForExternalEvent<int>(Workloads.Tick);
        }

        if (!context.IsReplaying)
        {
            progress.ListenerDone();
        }

        return sum;
    }
}
