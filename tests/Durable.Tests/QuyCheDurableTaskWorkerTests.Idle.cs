namespace QuyCheWorkflow.Durable.Tests;

public sealed partial class QuyCheDurableTaskWorkerTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WaitForIdleAsync_EmbeddedLoopRunning_ReturnsOnceEveryInstanceHasFinished()
    {
        await using var host = await StartAsync(embeddedLoop: true);
        using var limit = Limit();
        var ids = new List<string>();
        for (var n = 1; n <= 10; n++)
        {
            ids.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync("Twice", n, TestContext.Current.CancellationToken));
        }

        await host.Worker.WaitForIdleAsync(limit.Token);

        foreach (var id in ids)
        {
            var instance = await host.Client.GetInstanceAsync(id, TestContext.Current.CancellationToken);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, instance?.RuntimeStatus);
        }

        Assert.Equal(0, host.Worker.InFlightCount);
    }

    [Fact]
    public async Task WaitForIdleAsync_TimerDueLater_ReturnsWithTheInstanceWaitingAndRunsItOnceDue()
    {
        var clock = new FakeTimeProvider(s_start);
        await using var host = await StartAsync(embeddedLoop: true, clock);
        using var limit = Limit();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("TomorrowTwice", 21, TestContext.Current.CancellationToken);

        await host.Worker.WaitForIdleAsync(limit.Token);
        var waiting = await host.Client.GetInstanceAsync(id, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromDays(1));
        await host.Worker.WaitForIdleAsync(limit.Token);
        var done = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, TestContext.Current.CancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting?.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done?.RuntimeStatus);
        Assert.Equal(42, done!.ReadOutputAs<int>());
    }

    [Fact]
    public async Task WaitForIdleAsync_EmbeddedLoopOff_ProcessesTheVisibleMessagesItself()
    {
        await using var host = await StartAsync(embeddedLoop: false);
        using var limit = Limit();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Twice", 5, TestContext.Current.CancellationToken);

        await host.Worker.WaitForIdleAsync(limit.Token);

        var done = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, TestContext.Current.CancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done?.RuntimeStatus);
        Assert.Equal(20, done!.ReadOutputAs<int>());
    }

    private static async Task<QuyCheEngineHost> StartAsync(bool embeddedLoop, TimeProvider? clock = null)
    {
        var host = await QuyCheEngineHost.CreateAsync(
            options =>
            {
                options.TaskHubName = "idle";
                options.EnableEmbeddedWorker = embeddedLoop;
                options.MaxPollInterval = TimeSpan.FromMilliseconds(50);
            },
            registry => registry
                .AddActivityFunc<int, int>("Double", (_, n) => Task.FromResult(n * 2))
                .AddOrchestratorFunc<int, int>("Twice", async (ctx, n) =>
                    await ctx.CallActivityAsync<int>("Double", await ctx.CallActivityAsync<int>("Double", n)))
                .AddOrchestratorFunc<int, int>("TomorrowTwice", async (ctx, n) =>
                {
                    await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1), CancellationToken.None);
                    return await ctx.CallActivityAsync<int>("Double", n);
                }),
            clock,
            cancellationToken: TestContext.Current.CancellationToken);
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    // Only guards against a hang; the assertions never depend on how long anything took.
    private static CancellationTokenSource Limit()
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        return limit;
    }
}
