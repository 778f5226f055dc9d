using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using QuyCheWorkflow.Durable.Reference.Tests.Engines;

namespace QuyCheWorkflow.Durable.Reference.Tests.Cases;

/// <summary>Durable timers: a short one, and one longer than a storage queue can hold a message back (7 days).</summary>
public static class TimerCases
{
    private const string Wake = nameof(Wake);
    private const string Sleeping = "sleeping";

    public static IReadOnlyList<ReferenceCase> All { get; } =
    [
        new()
        {
            Name = "Timer_OneSecond_FiresNoEarlierThanDue",
            Tasks = [TaskRegistration.Of<ShortSleeper>()],
            Drive = async run => await run.CompletionAsync(await run.StartAsync(nameof(ShortSleeper))),
            Expected = ExpectedOutcome.Completed(true),
            Deviations =
            [
                // Seen once in a full run: DTFx's Azure Storage provider hides the timer message for whole seconds only,
                // so the episode that sees the timer fire may begin up to a second before it was due. Only completion
                // is compared there; the project's engine rounds the visibility up and must never fire early.
                new(ReferenceEngines.Dtfx, ExpectedOutcome.Ended(OrchestrationRuntimeStatus.Completed),
                    "a DTFx timer on Azure Storage may fire up to one second early"),
            ],
        },
        new()
        {
            // An 8-day timer cannot be one queue message (Azure Storage and Azurite refuse a visibility over 7 days):
            // DurableTaskWorkerOptions.MaximumTimerInterval (3 days) splits it. Were it not split, the episode that
            // creates it could not be saved and the custom status set in it would never show, so the case would hang.
            Name = "Timer_EightDays_AcceptedAndRacedByEvent",
            Tasks = [TaskRegistration.Of<LongSleeper>()],
            Drive = async run =>
            {
                var id = await run.StartAsync(nameof(LongSleeper));
                await run.UntilCustomStatusAsync(id, Sleeping);
                await run.RaiseAsync(id, Wake, "driver");
                return await run.CompletionAsync(id);
            },
            Expected = ExpectedOutcome.Completed("woken by driver"),
        },
    ];

    public sealed class ShortSleeper : TaskOrchestrator<object?, bool>
    {
        public override async Task<bool> RunAsync(TaskOrchestrationContext context, object? input)
        {
            var start = context.CurrentUtcDateTime;
            await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
            return context.CurrentUtcDateTime - start >= TimeSpan.FromSeconds(1);
        }
    }

    public sealed class LongSleeper : TaskOrchestrator<object?, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
        {
            using var cancel = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime.AddDays(8), cancel.Token);
            var wake = context.WaitForExternalEvent<string>(Wake);
            context.SetCustomStatus(Sleeping);
            if (await Task.WhenAny(timer, wake) == wake)
            {
                // Cancel, not CancelAsync: an orchestrator continues only on its own thread, never on the thread pool.
#pragma warning disable CA1849
                cancel.Cancel();
#pragma warning restore CA1849
                return "woken by " + await wake;
            }

            return "slept eight days";
        }
    }
}
