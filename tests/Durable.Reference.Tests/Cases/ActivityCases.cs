using Microsoft.DurableTask;
using static QuyCheWorkflow.Durable.Reference.Tests.Cases.CommonActivities;

namespace QuyCheWorkflow.Durable.Reference.Tests.Cases;

/// <summary>Activities: a chain, a fan-out/fan-in, failures with and without retry.</summary>
public static class ActivityCases
{
    private const string TaskFailed = "Microsoft.DurableTask.TaskFailedException";

    // Declared before All, which reads it as it is initialized.
    private static readonly string s_largeText = string.Concat(Enumerable.Repeat("Quy chế làm việc — ", 6000));

    public static IReadOnlyList<ReferenceCase> All { get; } =
    [
        new()
        {
            Name = "ActivityChain_ThreeSteps_RunInOrder",
            Tasks = [TaskRegistration.Of<Chain>()],
            Drive = async run => await run.CompletionAsync(await run.StartAsync(nameof(Chain), "x")),
            Expected = ExpectedOutcome.Completed("x123"),
        },
        new()
        {
            Name = "FanOutFanIn_TenActivities_SumsAll",
            Tasks = [TaskRegistration.Of<FanOut>()],
            Drive = async run => await run.CompletionAsync(await run.StartAsync(nameof(FanOut), 10)),
            Expected = ExpectedOutcome.Completed(110),
        },
        new()
        {
            Name = "ActivityRetry_FailsTwice_SucceedsOnThirdAttempt",
            Tasks = [TaskRegistration.Of<Retrying>()],
            Drive = async run => await run.CompletionAsync(await run.StartAsync(nameof(Retrying), 2)),
            Expected = ExpectedOutcome.Completed("ok after 3"),
        },
        new()
        {
            Name = "ActivityRetry_AlwaysFails_InstanceFailsAfterLastAttempt",
            Tasks = [TaskRegistration.Of<Retrying>()],
            Drive = async run => await run.CompletionAsync(await run.StartAsync(nameof(Retrying), 100)),
            Expected = ExpectedOutcome.Failed<InvalidOperationException>(TaskFailed, "attempt 3 failed"),
        },
        new()
        {
            Name = "ActivityFailure_Caught_OrchestratorSeesTaskFailedWithCause",
            Tasks = [TaskRegistration.Of<CatchingFailure>()],
            Drive = async run => await run.CompletionAsync(await run.StartAsync(nameof(CatchingFailure))),
            Expected = ExpectedOutcome.Completed("System.InvalidOperationException: attempt 1 failed"),
        },
        new()
        {
            // Over the 45 KB or 64 KB a queue message or table property holds: an engine on Azure Storage must move it
            // to a blob and back, for the input, the activity's input and result, and the output.
            Name = "Payload_Over45KB_RoundTripsThroughActivity",
            Tasks = [TaskRegistration.Of<BigEcho>()],
            Drive = async run => await run.CompletionAsync(await run.StartAsync(nameof(BigEcho), s_largeText)),
            Expected = ExpectedOutcome.Completed(s_largeText + "!"),
        },
    ];

    public sealed class BigEcho : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
            await context.CallActivityAsync<string>(nameof(Echo), input) + "!";
    }

    public sealed class Chain : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            var a = await context.CallActivityAsync<string>(nameof(Echo), input + "1");
            var b = await context.CallActivityAsync<string>(nameof(Echo), a + "2");
            return await context.CallActivityAsync<string>(nameof(Echo), b + "3");
        }
    }

    public sealed class FanOut : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
        {
            var calls = Enumerable.Range(1, input).Select(i => context.CallActivityAsync<int>(nameof(Add), new[] { i, i }));
            var results = await Task.WhenAll(calls);
            return results.Sum();
        }
    }

    /// <summary>Calls <see cref="Flaky"/> failing <c>input</c> times, with at most 3 attempts a second apart.</summary>
    public sealed class Retrying : TaskOrchestrator<int, string>
    {
        private static readonly TaskOptions s_retry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1)));

        public override Task<string> RunAsync(TaskOrchestrationContext context, int input) =>
            context.CallActivityAsync<string>(nameof(Flaky), input, s_retry);
    }

    public sealed class CatchingFailure : TaskOrchestrator<object?, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
        {
            try
            {
                return await context.CallActivityAsync<string>(nameof(Flaky), 1);
            }
            catch (TaskFailedException failed)
            {
                return $"{failed.FailureDetails.ErrorType}: {failed.FailureDetails.ErrorMessage}";
            }
        }
    }
}
