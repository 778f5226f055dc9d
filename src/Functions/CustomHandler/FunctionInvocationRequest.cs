using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuyCheWorkflow.Functions.CustomHandler;

/// <summary>
/// What the Functions host POSTs to <c>/&lt;FunctionName&gt;</c> for a non-HTTP trigger: the trigger and input
/// binding values by binding name, and the trigger metadata (for a queue: <c>DequeueCount</c>, <c>Id</c>,
/// <c>InsertionTime</c>, …, plus <c>sys</c>).
/// </summary>
public sealed record FunctionInvocationRequest(
    [property: JsonPropertyName("Data")] IReadOnlyDictionary<string, JsonElement>? Data,
    [property: JsonPropertyName("Metadata")] IReadOnlyDictionary<string, JsonElement>? Metadata);
