using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using static QuyCheWorkflow.Durable.Reference.Tests.Cases.CommonActivities;

namespace QuyCheWorkflow.Durable.Reference.Tests.Cases;

/// <summary>Custom status, termination, replay-safe GUIDs and versions.</summary>
public static class LifecycleCases
{
    private const string Continue = nameof(Continue);
    private const string Approval = nameof(Approval);
    private const string Waiting = "waiting";

    public static IReadOnlyList<ReferenceCase> All { get; } =
    [
        new()
        {
            Name = "CustomStatus_SetWhileWaitingAndAtEnd_ReadBackEachTime",
            Tasks = [TaskRegistration.Of<Reporter>()],
            Drive = async run =>
            {
                var id = await run.StartAsync(nameof(Reporter));
                var waiting = await run.UntilAsync(id, m => m.SerializedCustomStatus is not null);
                run.Observe("status while waiting", waiting.SerializedCustomStatus);
                await run.RaiseAsync(id, Continue);
                return await run.CompletionAsync(id);
            },
            Expected = ExpectedOutcome.Completed("finished")
                .WithCustomStatus(new Progress("done", 2))
                .Observing("status while waiting", JsonDataConverter.Default.Serialize(new Progress(Waiting, 1))!),
        },
        new()
        {
            Name = "Terminate_DuringWait_EndsTerminatedWithOutput",
            Tasks = [TaskRegistration.Of<PatientWaiter>()],
            Drive = async run =>
            {
                var id = await run.StartAsync(nameof(PatientWaiter));
                await run.UntilCustomStatusAsync(id, Waiting);
                await run.TerminateAsync(id, "stopped by test");
                return await run.CompletionAsync(id);
            },
            Expected = ExpectedOutcome.Terminated("stopped by test"),
        },
        new()
        {
            Name = "Suspend_EventRaisedWhileSuspended_HeldUntilResume",
            Tasks = [TaskRegistration.Of<PatientWaiter>()],
            Drive = async run =>
            {
                var id = await run.StartAsync(nameof(PatientWaiter));
                await run.UntilCustomStatusAsync(id, Waiting);
                await run.SuspendAsync(id, "pause");
                await run.UntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
                await run.RaiseAsync(id, Approval, "while suspended");
                run.Observe("status after the event", (await run.GetAsync(id))?.RuntimeStatus);
                await run.ResumeAsync(id, "go on");
                return await run.CompletionAsync(id);
            },
            Expected = ExpectedOutcome.Completed("while suspended")
                .Observing("status after the event", nameof(OrchestrationRuntimeStatus.Suspended)),
        },
        new()
        {
            Name = "NewGuid_AcrossReplays_SameValueAndDistinctPerCall",
            Tasks = [TaskRegistration.Of<Guids>()],
            Drive = async run =>
            {
                var result = await run.CompletionAsync(await run.StartAsync(nameof(Guids)));
                var guids = result.ReadOutputAs<Guid[]>()!;
                run.Observe("first guid kept across replay", guids[0] == result.ReadCustomStatusAs<Guid>());
                run.Observe("guids distinct and not empty", guids.Distinct().Count() == 2 && !guids.Contains(Guid.Empty));
                return result;
            },
            Expected = ExpectedOutcome.Ended(OrchestrationRuntimeStatus.Completed)
                .Observing("first guid kept across replay", "True")
                .Observing("guids distinct and not empty", "True"),
        },
        new()
        {
            Name = "Version_InstanceStartedAtVersion_SeesItInContext",
            Tasks = [TaskRegistration.Of<VersionProbe>("1"), TaskRegistration.Of<VersionProbe>("2")],
            Drive = async run => await run.CompletionAsync(await run.StartAsync(nameof(VersionProbe), version: "2")),
            Expected = ExpectedOutcome.Completed("2"),
        },
    ];

    public sealed record Progress(string Stage, int Step);

    public sealed class Reporter : TaskOrchestrator<object?, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
        {
            context.SetCustomStatus(new Progress(Waiting, 1));
            await context.WaitForExternalEvent<object?>(Continue);
            context.SetCustomStatus(new Progress("done", 2));
            return "finished";
        }
    }

    public sealed class PatientWaiter : TaskOrchestrator<object?, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, object? input)
        {
            context.SetCustomStatus(Waiting);
            return context.WaitForExternalEvent<string>(Approval);
        }
    }

    /// <summary>Takes a GUID, shows it as custom status, replays after an activity and takes a second one.</summary>
    public sealed class Guids : TaskOrchestrator<object?, Guid[]>
    {
        public override async Task<Guid[]> RunAsync(TaskOrchestrationContext context, object? input)
        {
            var first = context.NewGuid();
            context.SetCustomStatus(first);
            await context.CallActivityAsync<string>(nameof(Echo), "replay me");
            return [first, context.NewGuid()];
        }
    }

    public sealed class VersionProbe : TaskOrchestrator<object?, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, object? input) => Task.FromResult(context.Version);
    }
}
