using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.CustomHandler;

/// <summary>
/// Under the Functions host the engine's queues are drained by the host's queue triggers. Here the test plays
/// the host: it takes each message from Azurite and posts it as the host's invocation payload, deleting it
/// when the app answers 200, until the orchestration completes.
/// </summary>
public sealed class DurableQueueTriggersTests(AzuriteFixture azurite)
{
    private const string Chain = "TriggerChain";
    private const string Double = "Double";

    [Fact]
    public async Task HostInvocations_OrchestrationStarted_RunToCompletionThroughTriggerEndpoints()
    {
        var hub = "hub" + Guid.NewGuid().ToString("N")[..10];
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            [AppSettings.CustomHandlerPort] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            [AppSettings.StorageConnectionString] = azurite.ConnectionString,
            [AppSettings.DurableTaskHubName] = hub,
        }, services => services.AddDurableTaskWorker(builder => builder.AddTasks(registry => registry
            .AddActivityFunc<int, int>(Double, (_, value) => Task.FromResult(value * 2))
            .AddOrchestratorFunc<int, int>(Chain, async (context, value) =>
            {
                var once = await context.CallActivityAsync<int>(Double, value);
                return await context.CallActivityAsync<int>(Double, once);
            }))));
        var durable = app.Services.GetRequiredService<DurableTaskClient>();
        var dispatcher = app.Services.GetRequiredService<DurableTaskDispatcher>();
        var queues = azurite.Azurite.CreateQueueServiceClient();
        using var http = app.CreateClient();
        var cancellationToken = TestContext.Current.CancellationToken;

        var instanceId = await durable.ScheduleNewOrchestrationInstanceAsync(Chain, 5, cancellationToken);
        var invocations = 0;
        for (var round = 0; round < 200; round++)
        {
            var status = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (status?.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
            {
                break;
            }

            var delivered = false;
            var functions = dispatcher.ControlQueueNames
                .Select((queue, partition) => (Queue: queue, Function: $"DurableControl{partition:00}"))
                .Append((Queue: dispatcher.WorkItemQueueName, Function: "DurableWorkItems"));
            foreach (var (queueName, function) in functions)
            {
                var queue = queues.GetQueueClient(queueName);
                foreach (var message in (await queue.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(30), cancellationToken)).Value)
                {
                    var payload = InvocationPayloads.QueueTrigger(
                        function, message.MessageText, message.MessageId, (int)message.DequeueCount, message.InsertedOn.GetValueOrDefault());
                    using var response = await http.PostAsJsonAsync("/" + function, payload, cancellationToken);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    invocations++;
                    delivered = true;
                }
            }

            if (!delivered)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        var completed = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        Assert.NotNull(completed);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.Equal("20", completed.SerializedOutput);
        Assert.True(invocations >= 1);
    }
}
