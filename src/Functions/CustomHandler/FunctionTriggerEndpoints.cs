using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Functions.Scheduling;

namespace QuyCheWorkflow.Functions.CustomHandler;

/// <summary>
/// The endpoints the Functions host calls for non-HTTP triggers: <c>POST /&lt;FunctionName&gt;</c> with the
/// invocation payload. They sit outside the host's <c>/api</c> route prefix, so no public URL reaches them.
/// A 200 completes the invocation; any other status fails it, and the host then owns retry and poisoning. The host also
/// owns a queue message's invisibility while its invocation runs (see <see cref="QueueTriggerSettings"/>); what the engine
/// sends hidden on the way (work items of activities it runs in process) it keeps hidden itself.
/// </summary>
public static class FunctionTriggerEndpoints
{
    public static IEndpointRouteBuilder MapFunctionTriggers(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var catalog = endpoints.ServiceProvider.GetRequiredService<FunctionCatalog>();
        var group = endpoints.MapGroup("").ExcludeFromDescription();
        foreach (var function in catalog.QueueTriggers)
        {
            group.MapPost("/" + function.Name, RunQueueTriggerAsync).WithMetadata(function).WithName(function.Name);
        }

        foreach (var function in catalog.TimerTriggers)
        {
            group.MapPost("/" + function.Name, RunTimerTriggerAsync).WithMetadata(function).WithName(function.Name);
        }

        return endpoints;
    }

    public static async Task<Results<Ok<FunctionInvocationResult>, ProblemHttpResult>> RunQueueTriggerAsync(
        FunctionInvocationRequest invocation,
        HttpContext httpContext,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(httpContext);
        var function = httpContext.GetEndpoint()!.Metadata.GetRequiredMetadata<QueueTriggerFunction>();
        if (!TryReadQueueMessage(invocation, function, out var message, out var problem))
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid queue invocation");
        }

        var handler = httpContext.RequestServices.GetService<QueueTriggerHandler>();
        if (handler is null)
        {
            return TypedResults.Problem(
                "No queue trigger handler is registered.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        Log.QueueTriggerInvoked(loggerFactory.CreateLogger(typeof(FunctionTriggerEndpoints)), function.Name, message.MessageId, message.QueueName, message.DequeueCount);
        await handler(message, cancellationToken);
        return TypedResults.Ok(FunctionInvocationResult.Completed());
    }

    public static async Task<Results<Ok<FunctionInvocationResult>, ProblemHttpResult>> RunTimerTriggerAsync(
        FunctionInvocationRequest invocation,
        HttpContext httpContext,
        ScheduledJobRegistry registry,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(registry);
        var function = httpContext.GetEndpoint()!.Metadata.GetRequiredMetadata<TimerTriggerFunction>();
        if (invocation.Data is null || !invocation.Data.TryGetValue(function.BindingName, out var timer) ||
            timer.ValueKind != JsonValueKind.Object)
        {
            return TypedResults.Problem(
                $"Data.{function.BindingName} must hold the timer information.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid timer invocation");
        }

        var job = registry.Find(function.Name);
        if (job is null)
        {
            return TypedResults.Problem(
                $"No scheduled job is registered for '{function.Name}'.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var isPastDue = timer.TryGetProperty("IsPastDue", out var pastDue) && pastDue.ValueKind == JsonValueKind.True;
        Log.TimerTriggerInvoked(loggerFactory.CreateLogger(typeof(FunctionTriggerEndpoints)), function.Name, isPastDue);
        await ScheduledJobRegistry.RunAsync(job, httpContext.RequestServices, cancellationToken);
        return TypedResults.Ok(FunctionInvocationResult.Completed($"{function.Name} completed."));
    }

    /// <summary>
    /// Reads the message the host put in <c>Data.&lt;binding&gt;</c> (a string, already decoded from base64) and
    /// the delivery facts from <c>Metadata</c>.
    /// </summary>
    internal static bool TryReadQueueMessage(
        FunctionInvocationRequest invocation,
        QueueTriggerFunction function,
        out QueueTriggerMessage message,
        out string problem)
    {
        message = null!;
        if (invocation.Data is null || !invocation.Data.TryGetValue(function.BindingName, out var data) ||
            data.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            problem = $"Data.{function.BindingName} must hold the queue message.";
            return false;
        }

        // The host passes a string; a JSON message may arrive parsed, so keep its text as it was sent.
        var text = data.ValueKind == JsonValueKind.String ? data.GetString()! : data.GetRawText();
        var metadata = invocation.Metadata ?? new Dictionary<string, JsonElement>();
        if (!TryGetString(metadata, "Id", out var id) ||
            !TryGetInt(metadata, "DequeueCount", out var dequeueCount) ||
            !TryGetString(metadata, "InsertionTime", out var insertionText) ||
            !DateTimeOffset.TryParse(insertionText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var insertedOn))
        {
            problem = "Metadata must hold Id, DequeueCount and InsertionTime of the queue message.";
            return false;
        }

        message = new QueueTriggerMessage(function.QueueName, id, text, dequeueCount, insertedOn);
        problem = "";
        return true;
    }

    private static bool TryGetString(IReadOnlyDictionary<string, JsonElement> metadata, string name, out string value)
    {
        value = metadata.TryGetValue(name, out var element) && element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : "";
        return value.Length > 0;
    }

    private static bool TryGetInt(IReadOnlyDictionary<string, JsonElement> metadata, string name, out int value)
    {
        value = 0;
        if (!metadata.TryGetValue(name, out var element))
        {
            return false;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt32(out value),
            JsonValueKind.String => int.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}
