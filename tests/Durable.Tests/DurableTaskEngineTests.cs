using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace QuyCheWorkflow.Durable.Tests;

/// <summary>
/// The engine's semantics, run unchanged against every backend (see the derived classes). Each test uses a fresh
/// task hub.
/// </summary>
public abstract partial class DurableTaskEngineTests
{
    private const string Echo = nameof(Echo);
    private const string Add = nameof(Add);
    private const string Flaky = nameof(Flaky);

    private readonly ConcurrentDictionary<string, int> _attempts = new();

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected abstract TimeSpan IdlePause { get; }

    protected abstract void ConfigureBackend(DurableTaskOptions options);

    /// <summary>Registers what the backend needs in the hub's services (nothing by default).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    [Fact]
    public async Task CallActivityAsync_ChainOfThree_RunsInOrder()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<string, string>("Chain", async (ctx, input) =>
        {
            var a = await ctx.CallActivityAsync<string>(Echo, input + "1");
            var b = await ctx.CallActivityAsync<string>(Echo, a + "2");
            return await ctx.CallActivityAsync<string>(Echo, b + "3");
        }));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Chain", "x", cancellation: Cancellation);
        var result = await hub.RunToCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("x123", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallActivityAsync_FanOutOfTen_SumsAllResults()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<int, int>("FanOut", async (ctx, count) =>
        {
            var calls = Enumerable.Range(1, count).Select(i => ctx.CallActivityAsync<int>(Add, new[] { i, i })).ToList();
            var results = await Task.WhenAll(calls);
            return results.Sum();
        }));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 10, cancellation: Cancellation);
        var result = await hub.RunToCompletionAsync(id);

        Assert.Equal(110, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task CallActivityAsync_FailsTwiceWithRetry_SucceedsOnThirdAttempt()
    {
        var retry = new TaskOptions(new RetryPolicy(5, TimeSpan.FromMinutes(1), backoffCoefficient: 2));
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<string, string>("Retrying", (ctx, key) =>
            ctx.CallActivityAsync<string>(Flaky, new FlakyInput(key, 2), retry)));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Retrying", "k1", cancellation: Cancellation);
        var result = await hub.RunToCompletionAsync(id, advanceWhenIdle: TimeSpan.FromMinutes(1));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("ok after 3", result.ReadOutputAs<string>());
        Assert.Equal(3, _attempts["k1"]);
    }

    [Fact]
    public async Task CallActivityAsync_AlwaysFails_GivesUpAfterMaxAttemptsWithDetails()
    {
        var retry = new TaskOptions(new RetryPolicy(3, TimeSpan.FromSeconds(10)));
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<string, string>("Retrying", (ctx, key) =>
            ctx.CallActivityAsync<string>(Flaky, new FlakyInput(key, 100), retry)));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Retrying", "k2", cancellation: Cancellation);
        var result = await hub.RunToCompletionAsync(id, advanceWhenIdle: TimeSpan.FromSeconds(10));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(3, _attempts["k2"]);
        Assert.Equal(typeof(TaskFailedException).FullName, result.FailureDetails!.ErrorType);
        Assert.True(result.FailureDetails.InnerFailure!.IsCausedBy<InvalidOperationException>());
        Assert.Contains("attempt 3", result.FailureDetails.InnerFailure!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildCompletes_ParentGetsOutput()
    {
        await using var hub = await CreateHubAsync(r => r
            .AddOrchestratorFunc<int, int>("Child", async (ctx, n) => await ctx.CallActivityAsync<int>(Add, new[] { n, 1 }))
            .AddOrchestratorFunc<int, int>("Parent", async (ctx, n) =>
            {
                var first = await ctx.CallSubOrchestratorAsync<int>("Child", n, new SubOrchestrationOptions(instanceId: ctx.InstanceId + "-child"));
                return await ctx.CallSubOrchestratorAsync<int>("Child", first);
            }));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Parent", 40, cancellation: Cancellation);
        var result = await hub.RunToCompletionAsync(id);
        var child = await hub.Client.GetInstanceAsync(id + "-child", cancellation: Cancellation);

        Assert.Equal(42, result.ReadOutputAs<int>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildWithVersion_SeesItsParentAndVersion()
    {
        await using var hub = await CreateHubAsync(r => r
            .AddOrchestratorFunc<object?, string>("Child", (ctx, _) => Task.FromResult($"{ctx.Parent?.Name}|{ctx.Parent?.InstanceId}|{ctx.Version}"))
            .AddOrchestratorFunc<object?, string>("Parent", async (ctx, _) =>
            {
                var child = await ctx.CallSubOrchestratorAsync<string>("Child", null, new SubOrchestrationOptions { Version = new TaskVersion("7") });
                return $"{child}|{ctx.Parent is null}";
            }));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Parent", cancellation: Cancellation);
        var result = await hub.RunToCompletionAsync(id);

        Assert.Equal($"Parent|{id}|7|True", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ChildFails_ParentSeesTaskFailed()
    {
        await using var hub = await CreateHubAsync(r => r
            .AddOrchestratorFunc<int, int>("Child", (_, _) => Task.FromException<int>(new InvalidOperationException("child broke")))
            .AddOrchestratorFunc<int, string>("Parent", async (ctx, n) =>
            {
                try
                {
                    await ctx.CallSubOrchestratorAsync<int>("Child", n);
                    return "no failure";
                }
                catch (TaskFailedException failed)
                {
                    return failed.FailureDetails.ErrorMessage;
                }
            }));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Parent", 1, cancellation: Cancellation);
        var result = await hub.RunToCompletionAsync(id);

        Assert.Equal("child broke", result.ReadOutputAs<string>());
    }

    protected async Task<TestHub> CreateHubAsync(Action<DurableTaskRegistry> register) =>
        await TestHub.CreateAsync(ConfigureBackend, r =>
        {
            r.AddActivityFunc<string, string>(Echo, (_, s) => Task.FromResult(s));
            r.AddActivityFunc<int[], int>(Add, (_, pair) => Task.FromResult(pair.Sum()));
            r.AddActivityFunc<FlakyInput, string>(Flaky, (_, input) =>
            {
                var attempt = _attempts.AddOrUpdate(input.Key, 1, (_, n) => n + 1);
                return attempt <= input.Failures
                    ? throw new InvalidOperationException($"attempt {attempt} failed")
                    : Task.FromResult($"ok after {attempt}");
            });
            register(r);
        }, IdlePause, configureServices: ConfigureServices);

    private sealed record FlakyInput(string Key, int Failures);
}
