using System.Collections.Concurrent;
using System.Diagnostics;

namespace QuyCheWorkflow.Durable.Tests;

public sealed class DurableTelemetryTests
{
    [Fact]
    public async Task ActivitySource_OrchestrationWithOneActivity_TracesEachEpisodeAndTheActivity()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DurableTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var hub = await TestHub.CreateAsync(
            options => options.InlineActivityBudget = 0,
            r => r
                .AddActivityFunc<int, int>("Fail", (_, _) => Task.FromException<int>(new InvalidOperationException("no")))
                .AddOrchestratorFunc<object?, string>("Traced", async (ctx, _) =>
                {
                    try
                    {
                        await ctx.CallActivityAsync<int>("Fail", 1);
                        return "no failure";
                    }
                    catch (TaskFailedException)
                    {
                        return "caught";
                    }
                }),
            TimeSpan.Zero);

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Traced", cancellation: TestContext.Current.CancellationToken);
        await hub.RunToCompletionAsync(id);

        var mine = spans.Where(s => Equals(s.GetTagItem(DurableTelemetry.InstanceIdTag), id)).ToList();
        Assert.Equal(
            ["orchestration Traced:Running", "activity Fail:Failed", "orchestration Traced:Completed"],
            mine.Select(s => $"{s.DisplayName}:{s.GetTagItem(DurableTelemetry.OutcomeTag)}"));
        Assert.Equal(ActivityStatusCode.Error, mine[1].Status);
    }
}
