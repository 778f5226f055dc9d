namespace QuyCheWorkflow.Durable.Tests;

public abstract partial class DurableTaskEngineTests
{
    [Fact]
    public async Task TerminateInstanceAsync_DuringWait_EndsTerminatedWithOutput()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Waiter", (ctx, _) => ctx.WaitForExternalEvent<string>(Approval)));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", cancellation: Cancellation);
        await hub.RunUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await hub.Client.TerminateInstanceAsync(id, "stopped by test", Cancellation);
        var result = await hub.RunToCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("stopped by test", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_ReplacedBeforeItRan_OnlyNewerExecutionRuns()
    {
        var inputsSeen = new System.Collections.Concurrent.ConcurrentQueue<int>();
        await using var hub = await CreateHubAsync(r => r
            .AddActivityFunc<int, int>("Record", (_, n) =>
            {
                inputsSeen.Enqueue(n);
                return Task.FromResult(n);
            })
            .AddOrchestratorFunc<int, int>("Recorder", (ctx, n) => ctx.CallActivityAsync<int>("Record", n)));
        var options = new StartOrchestrationOptions { InstanceId = "replaced", DedupeStatuses = [] };
        await hub.Client.ScheduleNewOrchestrationInstanceAsync("Recorder", 1, options, Cancellation);
        await hub.Client.ScheduleNewOrchestrationInstanceAsync("Recorder", 2, options, Cancellation);

        var result = await hub.RunToCompletionAsync("replaced");
        await hub.RunUntilIdleAsync();

        Assert.Equal(2, result.ReadOutputAs<int>());
        Assert.Equal([2], inputsSeen);
    }

    [Fact]
    public async Task SuspendInstanceAsync_EventWhileSuspended_HeldUntilResume()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Waiter", (ctx, _) => ctx.WaitForExternalEvent<string>(Approval)));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", cancellation: Cancellation);
        await hub.RunUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await hub.Client.SuspendInstanceAsync(id, "pause", Cancellation);
        await hub.Client.RaiseEventAsync(id, Approval, "while suspended", Cancellation);
        await hub.RunUntilIdleAsync();
        var suspended = await hub.Client.GetInstanceAsync(id, cancellation: Cancellation);
        await hub.Client.ResumeInstanceAsync(id, "go", Cancellation);
        var result = await hub.RunToCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Suspended, suspended!.RuntimeStatus);
        Assert.Equal("while suspended", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task PurgeInstanceAsync_CompletedAndRunning_RemovesOnlyCompleted()
    {
        await using var hub = await CreateHubAsync(r => r
            .AddOrchestratorFunc<object?, string>("Quick", (_, _) => Task.FromResult("done"))
            .AddOrchestratorFunc<object?, string>("Waiter", (ctx, _) => ctx.WaitForExternalEvent<string>(Approval)));
        var done = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Quick", cancellation: Cancellation);
        var waiting = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", cancellation: Cancellation);
        await hub.RunToCompletionAsync(done);
        await hub.RunUntilAsync(waiting, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        var purgedDone = await hub.Client.PurgeInstanceAsync(done, Cancellation);
        var purgedWaiting = await hub.Client.PurgeInstanceAsync(waiting, Cancellation);

        Assert.Equal(1, purgedDone.PurgedInstanceCount);
        Assert.Equal(0, purgedWaiting.PurgedInstanceCount);
        Assert.Null(await hub.Client.GetInstanceAsync(done, cancellation: Cancellation));
        Assert.NotNull(await hub.Client.GetInstanceAsync(waiting, cancellation: Cancellation));
    }

    [Fact]
    public async Task PurgeAllInstancesAsync_ByStatus_RemovesMatchingOnly()
    {
        await using var hub = await CreateHubAsync(r => r
            .AddOrchestratorFunc<bool, string>("Maybe", (_, fail) => fail ? throw new InvalidOperationException("no") : Task.FromResult("yes")));
        var ok = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Maybe", false, cancellation: Cancellation);
        var failed = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Maybe", true, cancellation: Cancellation);
        await hub.RunToCompletionAsync(ok);
        await hub.RunToCompletionAsync(failed);

        var purged = await hub.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(Statuses: [OrchestrationRuntimeStatus.Failed]), Cancellation);

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await hub.Client.GetInstanceAsync(failed, cancellation: Cancellation));
        Assert.NotNull(await hub.Client.GetInstanceAsync(ok, cancellation: Cancellation));
    }

    [Fact]
    public async Task GetInstancesPageAsync_FivePrefixedInstancesPageSizeTwo_ReturnsThreePages()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Quick", (_, _) => Task.FromResult("done")));
        foreach (var n in Enumerable.Range(1, 5))
        {
            await hub.Client.ScheduleNewOrchestrationInstanceAsync("Quick", options: new StartOrchestrationOptions { InstanceId = $"page-{n}" }, cancellation: Cancellation);
        }

        await hub.Client.ScheduleNewOrchestrationInstanceAsync("Quick", options: new StartOrchestrationOptions { InstanceId = "other-1" }, cancellation: Cancellation);
        await hub.RunUntilIdleAsync();

        var pages = new List<Page<OrchestrationMetadata>>();
        var query = new Microsoft.DurableTask.Client.OrchestrationQuery { InstanceIdPrefix = "page-", PageSize = 2, Statuses = [OrchestrationRuntimeStatus.Completed] };
        await foreach (var page in hub.Client.GetAllInstancesAsync(query).AsPages().WithCancellation(Cancellation))
        {
            pages.Add(page);
        }

        Assert.Equal(["page-1", "page-2", "page-3", "page-4", "page-5"], pages.SelectMany(p => p.Values).Select(i => i.InstanceId).Order(StringComparer.Ordinal));
        Assert.True(pages.Count >= 3);
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_IdAlreadyRunning_Refused()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Waiter", (ctx, _) => ctx.WaitForExternalEvent<string>(Approval)));
        var options = new StartOrchestrationOptions { InstanceId = "single" };
        await hub.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", options: options, cancellation: Cancellation);

        await Assert.ThrowsAsync<global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException>(() =>
            hub.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", options: options, cancellation: Cancellation));
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_IdOfCompletedInstance_RunsNewExecution()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<string, string>("Shout", (ctx, text) => ctx.CallActivityAsync<string>(Echo, text + "!")));
        var options = new StartOrchestrationOptions { InstanceId = "again" };
        await hub.Client.ScheduleNewOrchestrationInstanceAsync("Shout", "first", options, Cancellation);
        await hub.RunToCompletionAsync("again");

        await hub.Client.ScheduleNewOrchestrationInstanceAsync("Shout", "second", options, Cancellation);
        var result = await hub.RunUntilAsync("again", m => m.IsCompleted && m.ReadOutputAs<string>() == "second!");

        Assert.Equal("second", result.ReadInputAs<string>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_TwoVersions_EachRunsItsOwnCode()
    {
        await using var hub = await CreateHubAsync(r => r
            .AddOrchestratorFunc<object?, string>("Greeter", new TaskVersion("1"), (_, _) => Task.FromResult("v1"))
            .AddOrchestratorFunc<object?, string>("Greeter", new TaskVersion("2"), (_, _) => Task.FromResult("v2")));

        var one = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Greeter", options: new StartOrchestrationOptions { Version = "1" }, cancellation: Cancellation);
        var two = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Greeter", options: new StartOrchestrationOptions { Version = "2" }, cancellation: Cancellation);
        var first = await hub.RunToCompletionAsync(one);
        var second = await hub.RunToCompletionAsync(two);

        Assert.Equal(("v1", "1"), (first.ReadOutputAs<string>(), (await hub.Client.GetInstanceVersionAsync(one, Cancellation))?.Version));
        Assert.Equal(("v2", "2"), (second.ReadOutputAs<string>(), (await hub.Client.GetInstanceVersionAsync(two, Cancellation))?.Version));
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_UnservedVersion_LeftUntouchedAndReported()
    {
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Greeter", new TaskVersion("1"), (_, _) => Task.FromResult("v1")));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Greeter", options: new StartOrchestrationOptions { Version = "3" }, cancellation: Cancellation);
        await hub.RunUntilIdleAsync();
        var later = await hub.Client.GetInstanceAsync(id, cancellation: Cancellation);
        var version = await hub.Client.GetInstanceVersionAsync(id, Cancellation);

        Assert.Equal(OrchestrationRuntimeStatus.Pending, later!.RuntimeStatus);
        Assert.Equal(new OrchestrationVersionInfo("3", IsVersionNotServed: true), version);
    }
}
