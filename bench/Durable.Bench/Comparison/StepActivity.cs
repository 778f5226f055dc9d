using Microsoft.DurableTask;

namespace QuyCheWorkflow.Bench.Comparison;

/// <summary>One activity step: adds one.</summary>
internal sealed class StepActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input + 1);
}
