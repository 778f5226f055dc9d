namespace QuyCheWorkflow.Durable.Tests;

public abstract partial class DurableTaskEngineTests
{
    private const string Approval = nameof(Approval);

    [Fact]
    public async Task WaitForExternalEvent_EventRaisedBeforeWait_IsBuffered()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Waiter", async (ctx, _) =>
        {
            await ctx.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
            return await ctx.WaitForExternalEvent<string>(Approval);
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", cancellation: Cancellation);
        await hub.RunUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await hub.Client.RaiseEventAsync(id, Approval, "early", Cancellation);
        var result = await hub.RunToCompletionAsync(id, advanceWhenIdle: TimeSpan.FromHours(1));

        Assert.Equal("early", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_EventRaisedDuringWait_Completes()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Waiter", (ctx, _) =>
            ctx.WaitForExternalEvent<string>(Approval, TimeSpan.FromDays(3))));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", cancellation: Cancellation);
        await hub.RunUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await hub.Client.RaiseEventAsync(id, "APPROVAL", "yes", Cancellation);
        var result = await hub.RunToCompletionAsync(id);

        Assert.Equal("yes", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_NoEventBeforeTimeout_ThrowsTaskCanceled()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Waiter", async (ctx, _) =>
        {
            try
            {
                return await ctx.WaitForExternalEvent<string>(Approval, TimeSpan.FromDays(3));
            }
            catch (TaskCanceledException)
            {
                return "timed out";
            }
        }));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", cancellation: Cancellation);
        var result = await hub.RunToCompletionAsync(id, advanceWhenIdle: TimeSpan.FromDays(1));

        Assert.Equal("timed out", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_EventAfterTimedOutWait_StaysBufferedForNextWait()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Waiter", async (ctx, _) =>
        {
            try
            {
                await ctx.WaitForExternalEvent<string>(Approval, TimeSpan.FromHours(1));
            }
            catch (TaskCanceledException)
            {
                ctx.SetCustomStatus("timed out");
            }

            await ctx.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
            return "second wait got " + await ctx.WaitForExternalEvent<string>(Approval);
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", cancellation: Cancellation);
        await hub.RunUntilAsync(id, m => m.ReadCustomStatusAs<string>() == "timed out", advanceWhenIdle: TimeSpan.FromMinutes(30));

        await hub.Client.RaiseEventAsync(id, Approval, "late", Cancellation);
        var result = await hub.RunToCompletionAsync(id, advanceWhenIdle: TimeSpan.FromHours(6));

        Assert.Equal("second wait got late", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_TwoWaitersOnOneName_OldestServedFirst()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Waiter", async (ctx, _) =>
        {
            var first = ctx.WaitForExternalEvent<string>(Approval);
            var second = ctx.WaitForExternalEvent<string>(Approval);
            return $"{await first},{await second}";
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", cancellation: Cancellation);
        await hub.RunUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await hub.Client.RaiseEventAsync(id, Approval, "one", Cancellation);
        await hub.RunUntilIdleAsync();
        await hub.Client.RaiseEventAsync(id, Approval, "two", Cancellation);
        var result = await hub.RunToCompletionAsync(id);

        Assert.Equal("one,two", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_SynchronousGenerations_LastOneCompletes()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<int, int>("Counter", (ctx, n) =>
        {
            if (n < 3)
            {
                ctx.ContinueAsNew(n + 1);
            }

            return Task.FromResult(n);
        }));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Counter", 0, cancellation: Cancellation);
        var result = await hub.RunToCompletionAsync(id);

        Assert.Equal((3, "3"), (result.ReadOutputAs<int>(), result.SerializedInput));
    }

    [Fact]
    public async Task ContinueAsNew_EventsRaisedAcrossGenerations_NoneLost()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<int, int>("Counter", async (ctx, total) =>
        {
            // The pause lets several events arrive in one generation, so continue-as-new has some to carry over.
            await ctx.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
            var amount = await ctx.WaitForExternalEvent<int>("add");
            if (total + amount >= 111)
            {
                return total + amount;
            }

            ctx.ContinueAsNew(total + amount);
            return 0;
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Counter", 0, cancellation: Cancellation);

        await hub.Client.RaiseEventAsync(id, "add", 1, Cancellation);
        await hub.Client.RaiseEventAsync(id, "add", 10, Cancellation);
        await hub.Client.RaiseEventAsync(id, "add", 100, Cancellation);
        var result = await hub.RunToCompletionAsync(id, advanceWhenIdle: TimeSpan.FromMinutes(1));

        Assert.Equal(111, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task RaiseEventAsync_UnknownInstance_ThrowsNotFound()
    {
        await using var hub = await CreateHubAsync(_ => { });

        var error = await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => hub.Client.RaiseEventAsync("nobody", Approval, "x", Cancellation));

        Assert.Equal("nobody", error.InstanceId);
    }

    [Fact]
    public async Task SendEvent_ToAnotherInstance_Delivered()
    {
        await using var hub = await CreateHubAsync(r => r
            .AddOrchestratorFunc<object?, string>("Receiver", (ctx, _) => ctx.WaitForExternalEvent<string>("ping"))
            .AddOrchestratorFunc<string, string>("Sender", (ctx, target) =>
            {
                ctx.SendEvent(target, "ping", "from sender");
                return Task.FromResult("sent");
            }));
        var receiver = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Receiver", cancellation: Cancellation);
        await hub.RunUntilAsync(receiver, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await hub.Client.ScheduleNewOrchestrationInstanceAsync("Sender", receiver, cancellation: Cancellation);
        var result = await hub.RunToCompletionAsync(receiver);

        Assert.Equal("from sender", result.ReadOutputAs<string>());
    }
}
