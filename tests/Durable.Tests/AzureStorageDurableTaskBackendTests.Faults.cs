using Azure;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests;

public sealed partial class AzureStorageDurableTaskBackendTests
{
    private const string Counted = nameof(Counted);

    [Fact]
    public async Task DispatchAsync_ProcessKilledBeforeEachWrite_CompletesWithStateAdvancedOnce()
    {
        var runs = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        void Register(DurableTaskRegistry r) => r
            .AddActivityFunc<int, int>(Counted, (_, key) =>
            {
                runs.AddOrUpdate(key, 1, (_, n) => n + 1);
                return Task.FromResult(key % 10);
            })
            .AddOrchestratorFunc<int, int>("Chain", async (ctx, key) =>
            {
                var total = key;
                for (var step = 1; step <= 3; step++)
                {
                    total += await ctx.CallActivityAsync<int>(Counted, (key * 10) + step);
                    await ctx.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
                }

                return total;
            });

        // Each crash point gets its own hub, so the cases run side by side.
        // Each crash point gets its own hub, so the cases run side by side; activities run both in process and
        // through the work-item queue.
        var cases = Enumerable.Range(1, 14).SelectMany(failAt => new[] { (failAt, true), (failAt + 20, false) });
        await Task.WhenAll(cases.Select(c => Task.Run(() => CrashAndRecoverAsync(c.Item1, c.Item2), Cancellation)));

        async Task CrashAndRecoverAsync(int key, bool inline)
        {
            var failAt = inline ? key : key - 20;
            var hubName = $"{_hubName}f{key}";
            var clock = new FakeTimeProvider(TestHub.Start);
            var fault = new FailingWriteHandler();
            string id;
            await using (var doomed = await CreateStorageHubAsync(azurite.Azurite, fault, Register, clock, hubName, inline))
            {
                id = await doomed.Client.ScheduleNewOrchestrationInstanceAsync("Chain", key, cancellation: Cancellation);
                fault.FailAtWrite(failAt);
                try
                {
                    await doomed.RunUntilAsync(id, m => fault.Fired || m.IsCompleted, advanceWhenIdle: TimeSpan.FromSeconds(1));
                }
                catch (Exception dead) when (fault.Fired && dead is RequestFailedException)
                {
                    // The simulated process died here; a fresh one takes over below.
                }
            }

            await using var restarted = await CreateStorageHubAsync(azurite.Azurite, null, Register, clock, hubName, inline);
            var result = await restarted.RunToCompletionAsync(id, advanceWhenIdle: TimeSpan.FromSeconds(1));
            var history = await restarted.Backend.LoadHistoryAsync(id, Cancellation);

            Assert.True(fault.Fired, $"write {failAt} was reached before completion");
            Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
            Assert.Equal(key + 6, result.ReadOutputAs<int>());
            Assert.All(Enumerable.Range(1, 3), step => Assert.True(runs.GetValueOrDefault((key * 10) + step) >= 1, $"step {step} ran (fault at write {failAt})"));
            AssertNoDuplicateSteps(history);
        }
    }

    [Fact]
    public async Task ContinueAsNew_ProcessKilledBeforeEachWrite_NoEventLostOrConsumedTwice()
    {
        static void Register(DurableTaskRegistry r) => r
            .AddOrchestratorFunc<int[], int>("Loop", async (ctx, state) =>
            {
                // state = [generations so far, running total, sink instance number]
                if (state[0] == 3)
                {
                    return state[1];
                }

                var amount = await ctx.WaitForExternalEvent<int>("go");
                ctx.SendEvent($"sink{state[2]}", "tick", amount);
                ctx.ContinueAsNew(new[] { state[0] + 1, state[1] + amount, state[2] });
                return 0;
            })
            .AddOrchestratorFunc<object?, int>("Sink", async (ctx, _) =>
            {
                var total = 0;
                for (var i = 0; i < 3; i++)
                {
                    total += await ctx.WaitForExternalEvent<int>("tick");
                }

                return total;
            });

        await Task.WhenAll(Enumerable.Range(1, 10).Select(failAt => Task.Run(() => CrashAndRecoverAsync(failAt), Cancellation)));

        async Task CrashAndRecoverAsync(int failAt)
        {
            var hubName = $"{_hubName}c{failAt}";
            var clock = new FakeTimeProvider(TestHub.Start);
            var fault = new FailingWriteHandler();
            var loopId = $"loop{failAt}";
            var sinkId = $"sink{failAt}";
            await using (var doomed = await CreateStorageHubAsync(azurite.Azurite, fault, Register, clock, hubName))
            {
                await doomed.Client.ScheduleNewOrchestrationInstanceAsync("Sink", null, new StartOrchestrationOptions { InstanceId = sinkId }, Cancellation);
                await doomed.Client.ScheduleNewOrchestrationInstanceAsync("Loop", new[] { 0, 0, failAt }, new StartOrchestrationOptions { InstanceId = loopId }, Cancellation);
                await doomed.RunUntilIdleAsync();
                foreach (var amount in new[] { 1, 10, 100 })
                {
                    await doomed.Client.RaiseEventAsync(loopId, "go", amount, Cancellation);
                }

                fault.FailAtWrite(failAt);
                try
                {
                    await doomed.RunUntilAsync(loopId, m => fault.Fired || m.IsCompleted);
                }
                catch (Exception dead) when (fault.Fired && dead is RequestFailedException)
                {
                    // The simulated process died here; a fresh one takes over below.
                }
            }

            await using var restarted = await CreateStorageHubAsync(azurite.Azurite, null, Register, clock, hubName);
            var loop = await restarted.RunToCompletionAsync(loopId, advanceWhenIdle: TimeSpan.FromSeconds(1));
            var sink = await restarted.RunToCompletionAsync(sinkId, advanceWhenIdle: TimeSpan.FromSeconds(1));

            Assert.True(fault.Fired, $"write {failAt} was reached before completion");
            Assert.Equal(111, loop.ReadOutputAs<int>());
            Assert.Equal(111, sink.ReadOutputAs<int>());
        }
    }

    [Fact]
    public async Task DispatchAsync_TwoDispatchersOnOneHub_EachStepRecordedOnce()
    {
        void Register(DurableTaskRegistry r) => r
            .AddActivityFunc<int, int>(Counted, (_, n) => Task.FromResult(n))
            .AddOrchestratorFunc<int, int>("FanOut", async (ctx, n) =>
            {
                var results = await Task.WhenAll(Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>(Counted, i)));
                return results.Sum();
            });
        var clock = new FakeTimeProvider(TestHub.Start);
        await using var first = await CreateStorageHubAsync(azurite.Azurite, null, Register, clock, inline: false);
        await using var second = await CreateStorageHubAsync(azurite.Azurite, null, Register, clock, inline: false);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await first.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 6, cancellation: Cancellation));
        }

        await Task.WhenAll(
            Task.Run(async () => { foreach (var id in ids) { await first.RunToCompletionAsync(id); } }, Cancellation),
            Task.Run(async () => { foreach (var id in ids) { await second.RunToCompletionAsync(id); } }, Cancellation));

        foreach (var id in ids)
        {
            var result = await first.Client.GetInstanceAsync(id, getInputsAndOutputs: true, Cancellation);
            Assert.Equal(21, result!.ReadOutputAs<int>());
            AssertNoDuplicateSteps(await first.Backend.LoadHistoryAsync(id, Cancellation));
        }
    }

    [Fact]
    public async Task DispatchAsync_SlowWorkerWritesRowAfterNewerStatus_RowKeepsNewerStatus()
    {
        void Register(DurableTaskRegistry r) => r
            .AddActivityFunc<int, int>(Counted, (_, n) => Task.FromResult(n))
            .AddOrchestratorFunc<int, int>("Once", (ctx, n) => ctx.CallActivityAsync<int>(Counted, n));
        var clock = new FakeTimeProvider(TestHub.Start);
        var gate = new RowWriteGate();
        await using var slow = await CreateStorageHubAsync(azurite.Azurite, gate, Register, clock, inline: false);
        await using var fast = await CreateStorageHubAsync(azurite.Azurite, null, Register, clock, inline: false);
        var id = await fast.Client.ScheduleNewOrchestrationInstanceAsync("Once", 7, cancellation: Cancellation);
        gate.Arm();
        var slowStart = Task.Run(() => slow.Worker.ProcessVisibleMessagesAsync(Cancellation), Cancellation);
        await gate.Reached.WaitAsync(Cancellation);
        await fast.RunToCompletionAsync(id);

        gate.Release();
        await slowStart;
        var row = await fast.Client.GetInstanceAsync(id, getInputsAndOutputs: true, Cancellation);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, row!.RuntimeStatus);
        Assert.Equal(7, row.ReadOutputAs<int>());
    }

    [Fact]
    public async Task DispatchAsync_AzuriteRestartedMidRun_Completes()
    {
        await using var own = await AzuriteInstance.StartAsync();
        await using var hub = await CreateStorageHubAsync(own, null, r => r
            .AddActivityFunc<int, int>(Counted, (_, n) => Task.FromResult(n))
            .AddOrchestratorFunc<object?, int>("Chain", async (ctx, _) =>
            {
                var a = await ctx.CallActivityAsync<int>(Counted, 1);
                await ctx.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
                return a + await ctx.CallActivityAsync<int>(Counted, 2);
            }));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Chain", cancellation: Cancellation);
        await hub.RunUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await own.RestartAsync();
        var result = await hub.RunToCompletionAsync(id, advanceWhenIdle: TimeSpan.FromMinutes(5));

        Assert.Equal(3, result.ReadOutputAs<int>());
    }

    private static void AssertNoDuplicateSteps(OrchestrationHistory history)
    {
        var scheduled = history.Events.Where(e => e.IsScheduling).Select(e => e.EventId).ToList();
        var answered = history.Events.Where(e => e.TaskScheduledId is not null && e.Type != HistoryEventType.ExecutionStarted).Select(e => e.TaskScheduledId!.Value).ToList();
        Assert.Equal(scheduled.Count, scheduled.Distinct().Count());
        Assert.Equal(answered.Count, answered.Distinct().Count());
        Assert.Single(history.Events, e => e.Type == HistoryEventType.ExecutionStarted);
        Assert.True(history.Events.Count(e => e.Type == HistoryEventType.ExecutionCompleted) <= 1);
    }

    /// <summary>Once armed, holds the first write to the instances table until released.</summary>
    private sealed class RowWriteGate : DelegatingHandler
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task Reached => _reached.Task;

        public void Arm() => Volatile.Write(ref _armed, 1);

        public void Release() => _released.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var isRowWrite = request.Method != HttpMethod.Get && request.RequestUri!.AbsolutePath.Contains("Instances", StringComparison.Ordinal);
            if (isRowWrite && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _reached.TrySetResult();
                await _released.Task.WaitAsync(cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Simulates the process dying just before its Nth storage write after being armed.</summary>
    private sealed class FailingWriteHandler : DelegatingHandler
    {
        private int _failAt;
        private int _writes;

        public bool Fired { get; private set; }

        public void FailAtWrite(int n)
        {
            _writes = 0;
            _failAt = n;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Fired)
            {
                throw new HttpRequestException("The process is dead.");
            }

            if (_failAt > 0 && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && Interlocked.Increment(ref _writes) == _failAt)
            {
                Fired = true;
                throw new HttpRequestException($"Injected crash before write {_failAt}.");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
