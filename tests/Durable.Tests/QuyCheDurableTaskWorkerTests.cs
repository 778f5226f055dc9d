using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QuyCheWorkflow.Durable.Tests;

public sealed partial class QuyCheDurableTaskWorkerTests
{
    [Fact]
    public async Task ExecuteAsync_InstancesScheduled_CompletesThemAndStopsCleanly()
    {
        await using var services = new ServiceCollection()
            .AddDurableTaskWorker(builder => builder
                .AddTasks(registry => registry
                    .AddActivityFunc<int, int>("Double", (_, n) => Task.FromResult(n * 2))
                    .AddOrchestratorFunc<int, int>("Twice", async (ctx, n) =>
                        await ctx.CallActivityAsync<int>("Double", await ctx.CallActivityAsync<int>("Double", n))))
                .UseQuyCheEngine(options =>
                {
                    options.TaskHubName = "worker";
                    options.ClientPollInterval = TimeSpan.FromMilliseconds(10);
                }))
            .AddDurableTaskClient(builder => builder.UseQuyCheEngine())
            .BuildServiceProvider();
        var worker = Assert.IsType<QuyCheDurableTaskWorker>(services.GetRequiredService<IHostedService>());
        var client = Assert.IsType<QuyCheDurableTaskClient>(services.GetRequiredService<DurableTaskClient>());
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));

        await worker.StartAsync(limit.Token);
        var ids = new List<string>();
        for (var n = 1; n <= 20; n++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync("Twice", n, limit.Token));
        }

        var started = await client.WaitForInstanceStartAsync(ids[0], cancellation: limit.Token);
        var results = new List<int>();
        foreach (var id in ids)
        {
            var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, limit.Token);
            results.Add(done.ReadOutputAs<int>());
        }

        await worker.StopAsync(limit.Token);

        Assert.NotEqual(OrchestrationRuntimeStatus.Pending, started.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 20).Select(n => n * 4), results);
        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public void Dispatcher_EmbeddedLoopOff_ResolvedFromTheWorker()
    {
        using var services = new ServiceCollection()
            .AddDurableTaskWorker(builder => builder.AddTasks(_ => { }).UseQuyCheEngine(options => options.EnableEmbeddedWorker = false))
            .BuildServiceProvider();

        var dispatcher = services.GetRequiredService<DurableTaskDispatcher>();

        Assert.Same(Assert.IsType<QuyCheDurableTaskWorker>(services.GetRequiredService<IHostedService>()).Dispatcher, dispatcher);
    }
}
