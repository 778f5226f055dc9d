namespace QuyCheWorkflow.Functions.CustomHandler;

/// <summary>A queue-triggered function declared by a function.json.</summary>
/// <param name="Name">The function (folder) name; the host calls <c>POST /&lt;Name&gt;</c>.</param>
/// <param name="BindingName">The trigger binding's name: the key of the message in the invocation's Data.</param>
/// <param name="QueueName">The queue name with <c>%Setting%</c> expressions resolved.</param>
/// <param name="Connection">The connection setting prefix the host uses for the queue.</param>
public sealed record QueueTriggerFunction(string Name, string BindingName, string QueueName, string Connection);
