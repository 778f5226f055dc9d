namespace QuyCheWorkflow.Durable.Tests;

public abstract partial class DurableTaskEngineTests
{
    [Fact]
    public async Task HasVisibleMessageAsync_EmptyQueueThenOneSent_FalseThenTrueWithoutReceivingIt()
    {
        await using var hub = await CreateHubAsync(_ => { });
        var queue = hub.Backend.WorkItemQueueName;

        var before = await hub.Backend.HasVisibleMessageAsync(queue, Cancellation);
        await hub.Backend.SendAsync(queue, "{}", null, null, Cancellation);
        var after = await hub.Backend.HasVisibleMessageAsync(queue, Cancellation);
        var received = await hub.Backend.ReceiveAsync(queue, 32, TimeSpan.FromMinutes(1), Cancellation);

        Assert.False(before);
        Assert.True(after);
        Assert.Equal(1, Assert.Single(received).Message.DequeueCount);
    }

    [Fact]
    public async Task WaitForIdleAsync_ActivityThenTimerDueLater_ReturnsWithTheActivityDoneAndTheInstanceWaiting()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<string, string>("EchoThenWait", async (ctx, input) =>
        {
            var echoed = await ctx.CallActivityAsync<string>(Echo, input);
            ctx.SetCustomStatus(echoed);
            await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(30), CancellationToken.None);
            return echoed;
        }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("EchoThenWait", "x", cancellation: Cancellation);

        await hub.Worker.WaitForIdleAsync(Cancellation);

        var instance = await hub.Client.GetInstanceAsync(id, Cancellation);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance?.RuntimeStatus);
        Assert.Equal("x", instance!.ReadCustomStatusAs<string>());
        Assert.Equal(0, hub.Worker.InFlightCount);
    }
}
