namespace QuyCheWorkflow.Durable.Tests;

public abstract partial class DurableTaskEngineTests
{
    [Fact]
    public async Task DispatchAsync_WorkerDiesHoldingAMessage_AnotherWorkerRunsItWithinAMinute()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<string, string>("OneStep", (ctx, key) =>
            ctx.CallActivityAsync<string>(Flaky, new FlakyInput(key, 0))));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("OneStep", "dead", cancellation: Cancellation);
        var heldByTheDead = await hub.Backend.ReceiveAsync(hub.Backend.ControlQueueFor(id), 1, hub.Options.MessageVisibilityTimeout, Cancellation);

        hub.Clock.Advance(TimeSpan.FromMinutes(1));
        var result = await hub.RunToCompletionAsync(id);

        Assert.Single(heldByTheDead);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("ok after 1", result.ReadOutputAs<string>());
        Assert.Equal(1, _attempts["dead"]);
    }
}
