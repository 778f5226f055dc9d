using Microsoft.DurableTask;

namespace QuyCheWorkflow.Bench.Comparison;

/// <summary>Calls <see cref="StepActivity"/> <see cref="Workloads.ChainLength"/> times in a row.</summary>
internal sealed class ChainOrchestrator(WorkloadProgress progress) : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        for (var i = 0; i < Workloads.ChainLength; i++)
        {
            input = await context.CallActivityAsync<int>(Workloads.Step, input);
        }

        if (!context.IsReplaying)
        {
            progress.ChainDone();
        }

        return input;
    }
}
