using Microsoft.DurableTask;

namespace QuyCheWorkflow.Durable.Reference.Tests.Cases;

/// <summary>ContinueAsNew: a plain loop, and events raised in one generation that it has not read yet.</summary>
public static class ContinueAsNewCases
{
    private const string Add = nameof(Add);
    private const string Go = nameof(Go);

    public static IReadOnlyList<ReferenceCase> All { get; } =
    [
        new()
        {
            Name = "ContinueAsNew_CountsToThree_LastGenerationCompletes",
            Tasks = [TaskRegistration.Of<Counter>()],
            Drive = async run =>
            {
                var id = await run.StartAsync(nameof(Counter), 0);
                var result = await run.CompletionAsync(id);
                run.Observe("input of the last generation", result.SerializedInput);
                return result;
            },
            Expected = ExpectedOutcome.Completed(3).Observing("input of the last generation", "3"),
        },
        new()
        {
            // The first generation reads 1 and continues as new, preserving 10 and 100, which the next two read.
            Name = "ContinueAsNew_PreservingEvents_NoneLost",
            Tasks = [TaskRegistration.Of<Accumulator>()],
            Drive = async run =>
            {
                var id = await StartWithThreeWaitingAsync(run, preserveEvents: true);
                return await run.CompletionAsync(id);
            },
            Expected = ExpectedOutcome.Completed(111),
        },
        new()
        {
            // The first generation reads 1 and continues as new, dropping 10 and 100: the second reads only what is
            // raised once it runs, 1000.
            Name = "ContinueAsNew_NotPreservingEvents_UnreadOnesDropped",
            Tasks = [TaskRegistration.Of<Accumulator>()],
            Drive = async run =>
            {
                var id = await StartWithThreeWaitingAsync(run, preserveEvents: false);
                await run.UntilCustomStatusAsync(id, "generation 1");
                await run.RaiseAsync(id, Add, 1000);
                return await run.CompletionAsync(id);
            },
            Expected = ExpectedOutcome.Completed(1001),
        },
    ];

    /// <summary>Raises 1, 10 and 100 before <see cref="Go"/>, so that all three wait in the first generation.</summary>
    private static async Task<string> StartWithThreeWaitingAsync(CaseDriver run, bool preserveEvents)
    {
        var id = await run.StartAsync(nameof(Accumulator), new Tally(0, 0, preserveEvents));
        foreach (var amount in new[] { 1, 10, 100 })
        {
            await run.RaiseAsync(id, Add, amount);
        }

        await run.RaiseAsync(id, Go);
        return id;
    }

    public sealed class Counter : TaskOrchestrator<int, int>
    {
        public override Task<int> RunAsync(TaskOrchestrationContext context, int input)
        {
            if (input < 3)
            {
                context.ContinueAsNew(input + 1);
            }

            return Task.FromResult(input);
        }
    }

    public sealed record Tally(int Generation, int Total, bool PreserveEvents);

    /// <summary>
    /// Adds one <see cref="Add"/> event per generation (the first waits for <see cref="Go"/> before reading any) and
    /// continues as new, preserving unread events or not as its input says, until the total reaches 111.
    /// </summary>
    public sealed class Accumulator : TaskOrchestrator<Tally, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, Tally input)
        {
            if (input.Generation == 0)
            {
                await context.WaitForExternalEvent<object?>(Go);
            }

            context.SetCustomStatus($"generation {input.Generation}");
            var total = input.Total + await context.WaitForExternalEvent<int>(Add);
            if (total < 111)
            {
                context.ContinueAsNew(input with { Generation = input.Generation + 1, Total = total }, input.PreserveEvents);
            }

            return total;
        }
    }
}
