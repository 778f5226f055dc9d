using System.Text.Json.Serialization;

namespace QuyCheWorkflow.Functions.CustomHandler;

/// <summary>
/// The custom handler's answer to an invocation: output binding values by name, lines for the invocation log
/// (Application Insights in Azure) and the <c>$return</c> value. Our functions have no output bindings.
/// </summary>
public sealed record FunctionInvocationResult(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    public static FunctionInvocationResult Completed(params string[] logs) =>
        new(new Dictionary<string, object?>(), logs, null);
}
