using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuyCheWorkflow.Functions.CustomHandler;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Scheduling;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Hosting;

public sealed class EmbeddedDriversTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 22, 0, 59, 58, TimeSpan.Zero);

    [Fact]
    public async Task StartAsync_UnderFunctionsHost_RunsNoEmbeddedDriver()
    {
        await using var app = await TestApp.StartAsync(Settings((AppSettings.CustomHandlerPort, FreePort.Next().ToString(CultureInfo.InvariantCulture))));

        var hostedServices = app.Services.GetServices<IHostedService>();

        Assert.False(app.Services.GetRequiredService<HostingModel>().EmbeddedDriversEnabled);
        Assert.DoesNotContain(hostedServices, service => service is EmbeddedTimerDriver);
        Assert.DoesNotContain(hostedServices, service => service is EmbeddedQueueDriver);
    }

    [Fact]
    public async Task StartAsync_OnItsOwn_RunsEmbeddedDrivers()
    {
        await using var app = await TestApp.StartAsync(Settings());

        var hostedServices = app.Services.GetServices<IHostedService>();

        Assert.True(app.Services.GetRequiredService<HostingModel>().EmbeddedDriversEnabled);
        Assert.Contains(hostedServices, service => service is EmbeddedTimerDriver);
        Assert.Contains(hostedServices, service => service is EmbeddedQueueDriver);
    }

    [Fact]
    public async Task EmbeddedTimerDriver_ClockPassesScheduledTime_RunsJobAtEachOccurrence()
    {
        var clock = new FakeTimeProvider(s_start);
        var runs = new List<DateTimeOffset>();
        var firstRun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondRun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(Settings(), services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.RemoveScheduledJob("ReminderSweep").AddScheduledJob("ReminderSweep", "0 0 * * * *", (provider, _) =>
            {
                lock (runs)
                {
                    runs.Add(provider.GetRequiredService<TimeProvider>().GetUtcNow());
                    (runs.Count == 1 ? firstRun : secondRun).TrySetResult();
                }

                return Task.CompletedTask;
            });
        });

        clock.Advance(TimeSpan.FromSeconds(1));
        var ranEarly = firstRun.Task.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));
        await firstRun.Task.WaitAsync(TestContext.Current.CancellationToken);
        await AdvanceUntilAsync(clock, secondRun.Task, TimeSpan.FromMinutes(1));

        Assert.False(ranEarly);
        Assert.Equal([new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero)], runs);
    }

    [Fact]
    public async Task EmbeddedTimerDriver_UnderFunctionsHost_DoesNotRunJobs()
    {
        var clock = new FakeTimeProvider(s_start);
        var runs = 0;
        await using var app = await TestApp.StartAsync(
            Settings((AppSettings.CustomHandlerPort, FreePort.Next().ToString(CultureInfo.InvariantCulture))),
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.RemoveScheduledJob("ReminderSweep").AddScheduledJob("ReminderSweep", "0 0 * * * *", (_, _) =>
                {
                    Interlocked.Increment(ref runs);
                    return Task.CompletedTask;
                });
            });

        clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(0, runs);
    }

    // The driver re-arms its timer after each run on a thread-pool continuation; step the clock until that happened.
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Task done, TimeSpan step)
    {
        for (var steps = 0; !done.IsCompleted; steps++)
        {
            Assert.True(steps < 1_000, "The scheduled job never ran.");
            clock.Advance(step);
            await Task.WhenAny(done, Task.Delay(10, TestContext.Current.CancellationToken));
        }
    }

    private Dictionary<string, string?> Settings(params (string Key, string? Value)[] settings) =>
        settings
            .Append((Key: AppSettings.DurableTaskHubName, Value: (string?)"hub7"))
            .Append((Key: AppSettings.StorageConnectionString, Value: azurite.ConnectionString))
            .ToDictionary(s => s.Key, s => s.Value);
}
