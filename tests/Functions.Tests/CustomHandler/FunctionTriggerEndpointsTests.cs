using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Functions.CustomHandler;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.CustomHandler;

/// <summary>The app started as the Functions host starts it, called as the host calls it.</summary>
public sealed class FunctionTriggerEndpointsTests
{
    private static readonly DateTimeOffset s_insertedOn = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunQueueTrigger_HostPayload_DeliversMessageToHandlerAndReturnsInvocationResult()
    {
        var received = new ConcurrentQueue<QueueTriggerMessage>();
        await using var app = await StartAsCustomHandlerAsync(services =>
            services.AddSingleton<QueueTriggerHandler>((message, _) =>
            {
                received.Enqueue(message);
                return Task.CompletedTask;
            }));
        using var client = app.CreateClient();
        var payload = InvocationPayloads.QueueTrigger("DurableControl02", """{"instance":"r-1"}""", "7d3c1c1e-4b7a-4a51-9f7e-1f9a4ad1e0b2", 2, s_insertedOn);

        using var response = await client.PostAsJsonAsync("/DurableControl02", payload, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(JsonValueKind.Object, result.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, result.RootElement.GetProperty("Logs").ValueKind);
        Assert.True(result.RootElement.TryGetProperty("ReturnValue", out _));
        var message = Assert.Single(received);
        Assert.Equal(new QueueTriggerMessage("hub42-control-02", "7d3c1c1e-4b7a-4a51-9f7e-1f9a4ad1e0b2", """{"instance":"r-1"}""", 2, s_insertedOn), message);
    }

    [Fact]
    public async Task RunQueueTrigger_WorkItemFunction_ResolvesWorkItemQueueName()
    {
        var received = new ConcurrentQueue<QueueTriggerMessage>();
        await using var app = await StartAsCustomHandlerAsync(services =>
            services.AddSingleton<QueueTriggerHandler>((message, _) =>
            {
                received.Enqueue(message);
                return Task.CompletedTask;
            }));
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync(
            "/DurableWorkItems", InvocationPayloads.QueueTrigger("DurableWorkItems", "work", "id-1", 1, s_insertedOn), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hub42-workitems", Assert.Single(received).QueueName);
    }

    [Fact]
    public async Task RunQueueTrigger_HandlerThrows_ReturnsServerErrorSoTheHostRetries()
    {
        await using var app = await StartAsCustomHandlerAsync(services =>
            services.AddSingleton<QueueTriggerHandler>((_, _) => throw new InvalidOperationException("engine failure")));
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync(
            "/DurableControl00", InvocationPayloads.QueueTrigger("DurableControl00", "m", "id-2", 1, s_insertedOn), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RunQueueTrigger_MissingMessage_ReturnsProblemWithoutCallingHandler()
    {
        var calls = 0;
        await using var app = await StartAsCustomHandlerAsync(services =>
            services.AddSingleton<QueueTriggerHandler>((_, _) =>
            {
                Interlocked.Increment(ref calls);
                return Task.CompletedTask;
            }));
        using var client = app.CreateClient();
        var payload = InvocationPayloads.QueueTrigger("DurableControl00", "m", "id-3", 1, s_insertedOn);
        payload["Data"] = new System.Text.Json.Nodes.JsonObject();

        using var response = await client.PostAsJsonAsync("/DurableControl00", payload, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task RunQueueTrigger_MalformedJson_ReturnsProblemWithoutCallingHandler()
    {
        var calls = 0;
        await using var app = await StartAsCustomHandlerAsync(services =>
            services.AddSingleton<QueueTriggerHandler>((_, _) =>
            {
                Interlocked.Increment(ref calls);
                return Task.CompletedTask;
            }));
        using var client = app.CreateClient();
        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/DurableControl01", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task RunTimerTrigger_HostPayload_RunsRegisteredJobInItsOwnScope()
    {
        var runs = 0;
        await using var app = await StartAsCustomHandlerAsync(services => services.RemoveScheduledJob("Reconciler").AddScheduledJob(
            "Reconciler", "0 */15 * * * *", (provider, _) =>
            {
                Assert.NotNull(provider.GetService<TimeProvider>());
                Interlocked.Increment(ref runs);
                return Task.CompletedTask;
            }));
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync(
            "/Reconciler", InvocationPayloads.TimerTrigger("Reconciler", s_insertedOn, isPastDue: true), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task RunTimerTrigger_NoJobRegistered_FailsTheInvocation()
    {
        await using var app = await StartAsCustomHandlerAsync(services => services.RemoveScheduledJob("ReminderSweep"));
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync(
            "/ReminderSweep", InvocationPayloads.TimerTrigger("ReminderSweep", s_insertedOn, isPastDue: false), TestContext.Current.CancellationToken);

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TriggerEndpoints_UnderApiPrefix_AreNotReachable()
    {
        await using var app = await StartAsCustomHandlerAsync(services =>
            services.AddSingleton<QueueTriggerHandler>((_, _) => Task.CompletedTask));
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync(
            "/api/DurableControl00", InvocationPayloads.QueueTrigger("DurableControl00", "m", "id-4", 1, s_insertedOn), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartAsync_ScheduledJobDisagreesWithFunctionJson_Throws()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsCustomHandlerAsync(
            services => services.RemoveScheduledJob("Reconciler").AddScheduledJob("Reconciler", "0 */5 * * * *", (_, _) => Task.CompletedTask)));

        Assert.Contains("Reconciler", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_TaskHubNameWithCapitals_ThrowsBeforeListening()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(
            new Dictionary<string, string?> { [AppSettings.DurableTaskHubName] = "QuyChe", [AppSettings.EmbeddedDrivers] = "false" }));

        Assert.Contains("lowercase", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<TestApp> StartAsCustomHandlerAsync(Action<IServiceCollection> configureServices)
    {
        var port = FreePort.Next();
        var app = await TestApp.StartAsync(
            new Dictionary<string, string?>
            {
                [AppSettings.CustomHandlerPort] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [AppSettings.DurableTaskHubName] = "hub42",
            },
            configureServices);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), app.BaseAddress);
        return app;
    }
}
