namespace QuyCheWorkflow.Durable.Tests;

public abstract partial class DurableTaskEngineTests
{
    [Fact]
    public async Task CreateTimer_OneSecond_FiresWhenClockPasses()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, DateTime>("Sleeper", async (ctx, _) =>
        {
            await ctx.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
            return ctx.CurrentUtcDateTime;
        }));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Sleeper", cancellation: Cancellation);
        var result = await hub.RunToCompletionAsync(id, advanceWhenIdle: TimeSpan.FromSeconds(1));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.True(result.ReadOutputAs<DateTime>() >= TestHub.Start.UtcDateTime.AddSeconds(1));
    }

    [Fact]
    public async Task CreateTimer_NinetyDays_WaitsUntilDueThenFires()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("LongSleeper", async (ctx, _) =>
        {
            await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(90), CancellationToken.None);
            return "awake";
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("LongSleeper", cancellation: Cancellation);
        await hub.RunUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        hub.Clock.Advance(TimeSpan.FromDays(89));
        await hub.RunUntilIdleAsync();
        var early = await hub.Client.GetInstanceAsync(id, cancellation: Cancellation);
        hub.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var result = await hub.RunToCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, early!.RuntimeStatus);
        Assert.Equal("awake", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task NewGuid_AcrossReplays_ReturnsSameValue()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, Guid>("Guids", async (ctx, _) =>
        {
            var first = ctx.NewGuid();
            ctx.SetCustomStatus(first);
            await ctx.CallActivityAsync<string>(Echo, "replay me");
            return first;
        }));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Guids", cancellation: Cancellation);
        var result = await hub.RunToCompletionAsync(id);

        Assert.NotEqual(Guid.Empty, result.ReadOutputAs<Guid>());
        Assert.Equal(result.ReadCustomStatusAs<Guid>(), result.ReadOutputAs<Guid>());
    }

    [Fact]
    public async Task Replay_ActivityRenamedBetweenEpisodes_FailsNamingTheStep()
    {
        var activityName = Echo;
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Drifting", async (ctx, _) =>
        {
            await ctx.CallActivityAsync<string>(activityName, "a");
            ctx.SetCustomStatus("first step done");
            await ctx.WaitForExternalEvent<string>(Approval);
            return await ctx.CallActivityAsync<string>(Echo, "b");
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Drifting", cancellation: Cancellation);
        await hub.RunUntilAsync(id, m => m.SerializedCustomStatus is not null);

        activityName = Add;
        await hub.Client.RaiseEventAsync(id, Approval, "go", Cancellation);
        var result = await hub.RunToCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, result.FailureDetails!.ErrorType);
        Assert.Contains("step #0", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("activity 'Echo'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("activity 'Add'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_TimerWhereHistoryHasActivity_FailsAsNonDeterministic()
    {
        var useTimer = false;
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Drifting", async (ctx, _) =>
        {
            if (useTimer)
            {
                await ctx.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
            }
            else
            {
                await ctx.CallActivityAsync<string>(Echo, "a");
            }

            ctx.SetCustomStatus("first step done");
            await ctx.WaitForExternalEvent<string>(Approval);
            return "done";
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Drifting", cancellation: Cancellation);
        await hub.RunUntilAsync(id, m => m.SerializedCustomStatus is not null);

        useTimer = true;
        await hub.Client.RaiseEventAsync(id, Approval, "go", Cancellation);
        var result = await hub.RunToCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("timer", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }
}
