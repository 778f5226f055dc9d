using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Durable.Tests;

public sealed partial class ReplayOrchestrationContextTests
{
    [Fact]
    public async Task CreateReplaySafeLogger_ThreeEpisodes_LogsEachLineOnce()
    {
        var lines = new ConcurrentQueue<string>();
        await using var hub = await TestHub.CreateAsync(
            _ => { },
            r => r
                .AddActivityFunc<int, int>("Next", (_, n) => Task.FromResult(n + 1))
                .AddOrchestratorFunc<int, int>("Logged", async (ctx, n) =>
                {
                    var logger = ctx.CreateReplaySafeLogger("Logged");
                    Step(logger, n);
                    n = await ctx.CallActivityAsync<int>("Next", n);
                    Step(logger, n);
                    n = await ctx.CallActivityAsync<int>("Next", n);
                    Step(logger, n);
                    return n;
                }),
            TimeSpan.Zero,
            configureServices: services => services.AddLogging(logging => logging.AddProvider(new CapturingLoggerProvider("Logged", lines))));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Logged", 1, TestContext.Current.CancellationToken);
        await hub.RunToCompletionAsync(id);

        Assert.Equal(["step 1", "step 2", "step 3"], lines);
    }

    [Fact]
    public async Task ActivityCancellationToken_RunByTheEngine_IsTheDeliveryToken()
    {
        await using var hub = await TestHub.CreateAsync(
            _ => { },
            r => r
                .AddActivityFunc<object?, bool>("Cancellable", (context, _) => Task.FromResult(context.CancellationToken.CanBeCanceled))
                .AddOrchestratorFunc<object?, bool>("Calls", (ctx, _) => ctx.CallActivityAsync<bool>("Cancellable")),
            TimeSpan.Zero);

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Calls", TestContext.Current.CancellationToken);
        var result = await hub.RunToCompletionAsync(id);

        Assert.True(result.ReadOutputAs<bool>());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "step {N}")]
    private static partial void Step(ILogger logger, int n);

    private sealed class CapturingLoggerProvider(string category, ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => categoryName == category ? new Capturing(lines) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
