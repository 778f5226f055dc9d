using System.Diagnostics;

namespace QuyCheWorkflow.Durable.Tests;

/// <summary>
/// The shared engine semantics on the in-memory backend, with every activity going through the work-item queue (the
/// Azure Storage run covers the in-process shortcut), plus how long messages stay hidden, on the fake clock.
/// </summary>
public sealed class InMemoryDurableTaskBackendTests : DurableTaskEngineTests
{
    private const string Slow = nameof(Slow);

    private readonly TaskCompletionSource _slowStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _slowMayEnd = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _slowRuns;

    protected override TimeSpan IdlePause => TimeSpan.Zero;

    [Fact]
    public void MessageVisibilityTimeout_Default_AtMostHalfAMinute()
    {
        var options = new DurableTaskOptions();

        Assert.True(options.MessageVisibilityTimeout <= TimeSpan.FromSeconds(30), "a dead worker's message shows up again within a minute");
    }

    [Fact]
    public async Task ProcessVisibleMessagesAsync_ActivityOutlastsVisibilityTimeout_WorkItemKeptHiddenAndRunOnce()
    {
        await using var hub = await CreateSlowHubAsync(inlineActivityBudget: 0);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync(Slow, 1, cancellation: Cancellation);
        var pumping = Task.Run(() => hub.Worker.ProcessVisibleMessagesAsync(Cancellation), Cancellation);
        await _slowStarted.Task.WaitAsync(Cancellation);

        var takenMeanwhile = await OutlastVisibilityTimeoutAsync(hub, hub.Backend.WorkItemQueueName);
        _slowMayEnd.SetResult();
        await pumping;
        var result = await hub.RunToCompletionAsync(id);

        Assert.Empty(takenMeanwhile);
        Assert.Equal(1, _slowRuns);
        Assert.Equal(2, result.ReadOutputAs<int>());
        Assert.Null(((InMemoryDurableTaskBackend)hub.Backend).EarliestVisibleAt(hub.Backend.WorkItemQueueName));
    }

    [Fact]
    public async Task ProcessVisibleMessagesAsync_InlineActivityOutlastsVisibilityTimeout_ItsWorkItemAndInputKeptHiddenAndRunOnce()
    {
        await using var hub = await CreateSlowHubAsync(inlineActivityBudget: 16);
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync(Slow, 1, cancellation: Cancellation);
        var pumping = Task.Run(() => hub.Worker.ProcessVisibleMessagesAsync(Cancellation), Cancellation);
        await _slowStarted.Task.WaitAsync(Cancellation);

        var takenMeanwhile = await OutlastVisibilityTimeoutAsync(hub, hub.Backend.ControlQueueFor(id), hub.Backend.WorkItemQueueName);
        _slowMayEnd.SetResult();
        await pumping;
        var result = await hub.RunToCompletionAsync(id);

        Assert.Empty(takenMeanwhile);
        Assert.Equal(1, _slowRuns);
        Assert.Equal(2, result.ReadOutputAs<int>());
        Assert.Null(((InMemoryDurableTaskBackend)hub.Backend).EarliestVisibleAt(hub.Backend.WorkItemQueueName));
    }

    protected override void ConfigureBackend(DurableTaskOptions options)
    {
        options.Backend = DurableTaskBackendKind.InMemory;
        options.InlineActivityBudget = 0;
    }

    private Task<TestHub> CreateSlowHubAsync(int inlineActivityBudget) =>
        TestHub.CreateAsync(
            options =>
            {
                ConfigureBackend(options);
                options.InlineActivityBudget = inlineActivityBudget;
            },
            r => r
                .AddActivityFunc<int, int>(Slow, async (_, n) =>
                {
                    Interlocked.Increment(ref _slowRuns);
                    _slowStarted.TrySetResult();
                    await _slowMayEnd.Task;
                    return n + 1;
                })
                .AddOrchestratorFunc<int, int>(Slow, (ctx, n) => ctx.CallActivityAsync<int>(Slow, n)),
            IdlePause);

    /// <summary>
    /// Moves the clock through three visibility timeouts, a third at a time, while the work runs; after each step waits
    /// for the renewal of every given queue's message and then tries, as another worker would, to take them.
    /// </summary>
    private static async Task<List<ReceivedMessage>> OutlastVisibilityTimeoutAsync(TestHub hub, params string[] queues)
    {
        var backend = (InMemoryDurableTaskBackend)hub.Backend;
        var timeout = hub.Options.MessageVisibilityTimeout;
        var taken = new List<ReceivedMessage>();
        for (var step = 0; step < 9; step++)
        {
            hub.Clock.Advance(timeout / 3);
            foreach (var queue in queues)
            {
                var watch = Stopwatch.StartNew();
                while (backend.EarliestVisibleAt(queue) < hub.Clock.GetUtcNow() + timeout)
                {
                    // A bound so that a message nobody renews fails the test instead of hanging it; not a speed assertion.
                    Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the message in {queue} was renewed at step {step}");
                    await Task.Delay(5, Cancellation);
                }

                taken.AddRange(await backend.ReceiveAsync(queue, 32, timeout, Cancellation));
            }
        }

        return taken;
    }
}
