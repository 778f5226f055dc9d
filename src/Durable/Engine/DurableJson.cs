using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuyCheWorkflow.Durable;

/// <summary>System.Text.Json settings for the engine's own records and for user inputs and outputs.</summary>
internal static class DurableJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static object? Deserialize(string? json, Type type) =>
        json is null ? null : JsonSerializer.Deserialize(json, type, Options);

    public static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, Options);

    public static string SerializeMessage(TaskMessage message) => JsonSerializer.Serialize(message, Options);

    public static TaskMessage DeserializeMessage(string text) =>
        JsonSerializer.Deserialize<TaskMessage>(text, Options) ?? throw new JsonException("Empty task message.");

    public static string SerializeEvent(HistoryEvent historyEvent) => JsonSerializer.Serialize(historyEvent, Options);

    public static HistoryEvent DeserializeEvent(string text) =>
        JsonSerializer.Deserialize<HistoryEvent>(text, Options) ?? throw new JsonException("Empty history event.");
}
