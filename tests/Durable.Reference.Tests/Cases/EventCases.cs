using Microsoft.DurableTask;
using QuyCheWorkflow.Durable.Reference.Tests.Engines;

namespace QuyCheWorkflow.Durable.Reference.Tests.Cases;

/// <summary>External events: buffering, case-insensitive names, timeouts, several waiters, events between instances.</summary>
public static class EventCases
{
    private const string Approval = nameof(Approval);
    private const string Ping = nameof(Ping);
    private const string Waiting = "waiting";
    private const string TimedOut = "timed out";
    private const string GotOne = "got one";

    public static IReadOnlyList<ReferenceCase> All { get; } =
    [
        new()
        {
            // Raised right after the start, while the orchestrator sits on its one-second timer: the event arrives
            // before anything waits for it and must be kept until the wait.
            Name = "Event_RaisedBeforeWait_IsBuffered",
            Tasks = [TaskRegistration.Of<LateWaiter>()],
            Drive = async run =>
            {
                var id = await run.StartAsync(nameof(LateWaiter));
                await run.RaiseAsync(id, Approval, "early");
                return await run.CompletionAsync(id);
            },
            Expected = ExpectedOutcome.Completed("early"),
        },
        new()
        {
            Name = "Event_NameInOtherLetterCaseDuringWait_Completes",
            Tasks = [TaskRegistration.Of<Waiter>()],
            Drive = async run =>
            {
                var id = await run.StartAsync(nameof(Waiter));
                await run.UntilCustomStatusAsync(id, Waiting);
                await run.RaiseAsync(id, Approval.ToUpperInvariant(), "yes");
                return await run.CompletionAsync(id);
            },
            Expected = ExpectedOutcome.Completed("yes"),
        },
        new()
        {
            Name = "Event_NoneBeforeTimeout_WaitThrowsTaskCanceled",
            Tasks = [TaskRegistration.Of<ImpatientWaiter>()],
            Drive = async run => await run.CompletionAsync(await run.StartAsync(nameof(ImpatientWaiter))),
            Expected = ExpectedOutcome.Completed(TimedOut),
        },
        new()
        {
            Name = "Event_AfterTimedOutWait_BufferedForNextWait",
            Tasks = [TaskRegistration.Of<TwiceWaiter>()],
            Drive = async run =>
            {
                var id = await run.StartAsync(nameof(TwiceWaiter));
                await run.UntilCustomStatusAsync(id, TimedOut);
                await run.RaiseAsync(id, Approval, "late");
                return await run.CompletionAsync(id);
            },
            Expected = ExpectedOutcome.Completed("second wait got late"),
        },
        new()
        {
            Name = "Event_TwoWaitersOnOneName_FirstComeFirstServed",
            Tasks = [TaskRegistration.Of<TwoWaiters>()],
            Drive = async run =>
            {
                var id = await run.StartAsync(nameof(TwoWaiters));
                await run.UntilCustomStatusAsync(id, Waiting);
                await run.RaiseAsync(id, Approval, "one");
                await run.UntilCustomStatusAsync(id, GotOne);
                await run.RaiseAsync(id, Approval, "two");
                return await run.CompletionAsync(id);
            },
            Expected = ExpectedOutcome.Completed("one,two"),
            Deviations =
            [
                // The shim hands an event to the most recent waiter of that name (a stack, so that a Task.WhenAny
                // loop's abandoned waiters do not swallow events); the project's engine serves the oldest waiter first.
                new(ReferenceEngines.Dtfx, ExpectedOutcome.Completed("two,one"), "the shim serves the newest waiter first"),
            ],
        },
        new()
        {
            Name = "Event_SentByAnotherOrchestration_Delivered",
            Tasks = [TaskRegistration.Of<Receiver>(), TaskRegistration.Of<Sender>()],
            Drive = async run =>
            {
                var receiver = await run.StartAsync(nameof(Receiver));
                await run.UntilCustomStatusAsync(receiver, Waiting);
                await run.StartAsync(nameof(Sender), receiver);
                return await run.CompletionAsync(receiver);
            },
            Expected = ExpectedOutcome.Completed("from sender"),
        },
    ];

    public sealed class LateWaiter : TaskOrchestrator<object?, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
        {
            await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
            return await context.WaitForExternalEvent<string>(Approval);
        }
    }

    public sealed class Waiter : TaskOrchestrator<object?, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, object? input)
        {
            context.SetCustomStatus(Waiting);
            return context.WaitForExternalEvent<string>(Approval, TimeSpan.FromDays(1));
        }
    }

    public sealed class ImpatientWaiter : TaskOrchestrator<object?, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
        {
            try
            {
                return await context.WaitForExternalEvent<string>(Approval, TimeSpan.FromSeconds(1));
            }
            catch (TaskCanceledException)
            {
                return TimedOut;
            }
        }
    }

    public sealed class TwiceWaiter : TaskOrchestrator<object?, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
        {
            try
            {
                await context.WaitForExternalEvent<string>(Approval, TimeSpan.FromSeconds(1));
            }
            catch (TaskCanceledException)
            {
                context.SetCustomStatus(TimedOut);
            }

            return "second wait got " + await context.WaitForExternalEvent<string>(Approval);
        }
    }

    /// <summary>Waits twice on one name before any event comes; the status says when the first event was handed out.</summary>
    public sealed class TwoWaiters : TaskOrchestrator<object?, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
        {
            var first = context.WaitForExternalEvent<string>(Approval);
            var second = context.WaitForExternalEvent<string>(Approval);
            context.SetCustomStatus(Waiting);
            await Task.WhenAny(first, second);
            context.SetCustomStatus(GotOne);
            return $"{await first},{await second}";
        }
    }

    public sealed class Receiver : TaskOrchestrator<object?, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, object? input)
        {
            context.SetCustomStatus(Waiting);
            return context.WaitForExternalEvent<string>(Ping);
        }
    }

    public sealed class Sender : TaskOrchestrator<string, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            context.SendEvent(input, Ping, "from sender");
            return Task.FromResult("sent");
        }
    }
}
