using Microsoft.DurableTask;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>The one way lifecycle orchestrations wait: until an instant, or until their subject changes.</summary>
internal static class LifecycleWaits
{
    /// <summary>
    /// Waits for <see cref="LifecycleOrchestrations.StateChangedEvent"/> or until <paramref name="wakeAt"/>
    /// (null: no timer). The custom status names the wake-up instant, for operators and for tests driving a
    /// fake clock.
    /// </summary>
    /// <returns>True when the subject changed before the instant; false when the instant came.</returns>
    public static async Task<bool> UntilOrChangedAsync(TaskOrchestrationContext context, DateTimeOffset? wakeAt, string step)
    {
        context.SetCustomStatus(new LifecycleWaitStatus(step, wakeAt));
        using var eventCancellation = new CancellationTokenSource();
        var changed = context.WaitForExternalEvent<object?>(LifecycleOrchestrations.StateChangedEvent, eventCancellation.Token);
        if (wakeAt is not { } at)
        {
            await changed;
            return true;
        }

        using var timerCancellation = new CancellationTokenSource();
        var timer = context.CreateTimer(at.UtcDateTime, timerCancellation.Token);
        var winner = await Task.WhenAny(changed, timer);

        // Synchronous cancel on purpose: CancelAsync would run the callbacks outside replay.
        if (winner == changed)
        {
            timerCancellation.Cancel();

            // A wake-up after the instant (the reminder sweep's, when a timer message was lost) counts as the
            // instant: the step it was waiting for is still owed.
            return Now(context) < at;
        }

        eventCancellation.Cancel();
        return false;
    }

    /// <summary>The first instant strictly after <paramref name="now"/>, or null.</summary>
    public static DateTimeOffset? Next(IEnumerable<DateTimeOffset> instants, DateTimeOffset now) =>
        instants.Where(i => i > now).Order().Cast<DateTimeOffset?>().FirstOrDefault();

    public static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}
