namespace QuyCheWorkflow.Durable.Tests;

public abstract partial class DurableTaskEngineTests
{
    [Fact]
    public async Task CallActivityAsync_PayloadOver45KB_RoundTrips()
    {
        var large = string.Concat(Enumerable.Repeat("Quy chế làm việc — ", 6000));
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<string, string>("Big", async (ctx, input) =>
        {
            var echoed = await ctx.CallActivityAsync<string>(Echo, input);
            ctx.SetCustomStatus(echoed.Length);
            return echoed + "!";
        }));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Big", large, cancellation: Cancellation);
        var result = await hub.RunToCompletionAsync(id);

        Assert.True(large.Length * 2 > 45 * 1024);
        Assert.Equal(large + "!", result.ReadOutputAs<string>());
        Assert.Equal(large, result.ReadInputAs<string>());
    }

    [Fact]
    public async Task DispatchAsync_MessageDeliveredTooOften_QuarantinedAndInstanceFailed()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Waiter", (ctx, _) => ctx.WaitForExternalEvent<string>(Approval)));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", cancellation: Cancellation);
        await hub.RunUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await hub.Client.RaiseEventAsync(id, Approval, "poisonous", Cancellation);
        var queue = hub.Backend.ControlQueueFor(id);
        var received = await hub.Backend.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5), Cancellation);

        var poisoned = received[0].Message with { DequeueCount = hub.Options.PoisonMessageThreshold + 1 };
        await hub.Dispatcher.DispatchAsync(poisoned, Cancellation);
        var result = await hub.Client.GetInstanceAsync(id, cancellation: Cancellation);
        var quarantined = await hub.Backend.ReceiveAsync(hub.Backend.PoisonQueueName, 1, TimeSpan.FromMinutes(5), Cancellation);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result!.RuntimeStatus);
        Assert.Equal("PoisonMessage", result.FailureDetails!.ErrorType);
        Assert.Contains(hub.Backend.PoisonQueueName, result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("poisonous", quarantined.Single().Message.MessageText, StringComparison.Ordinal);
    }
}
