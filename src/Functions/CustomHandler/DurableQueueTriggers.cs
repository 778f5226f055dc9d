using QuyCheWorkflow.Durable;

namespace QuyCheWorkflow.Functions.CustomHandler;

/// <summary>Routes every queue-trigger delivery (the Functions host's or the embedded driver's) to the durable engine.</summary>
public static class DurableQueueTriggers
{
    /// <summary>
    /// Registers the <see cref="QueueTriggerHandler"/> that calls <see cref="DurableTaskDispatcher.DispatchAsync"/>,
    /// the dispatcher of the <see cref="QuyCheDurableTaskWorker"/> (<c>AddDurableTaskWorker(b =&gt; b.UseQuyCheEngine(...))</c>).
    /// It is resolved per delivery, so the worker may be registered before or after this. The worker's own queue loop
    /// must stay off (<c>EnableEmbeddedWorker = false</c>): the embedded queue driver already polls the same queues
    /// locally, and the host's triggers do in Azure.
    /// </summary>
    public static IServiceCollection AddDurableQueueTriggers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSingleton<QueueTriggerHandler>(sp => (message, cancellationToken) =>
            sp.GetRequiredService<DurableTaskDispatcher>().DispatchAsync(
                new DurableQueueMessage(message.QueueName, message.MessageId, message.MessageText, message.DequeueCount, message.InsertedOn),
                cancellationToken));
    }
}
