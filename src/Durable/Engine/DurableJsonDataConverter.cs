namespace QuyCheWorkflow.Durable;

/// <summary>The SDK's <see cref="DataConverter"/> over the engine's JSON settings, so metadata reads what the engine wrote.</summary>
internal sealed class DurableJsonDataConverter : DataConverter
{
    public static DurableJsonDataConverter Instance { get; } = new();

    public override string? Serialize(object? value) => DurableJson.Serialize(value);

    public override object? Deserialize(string? data, Type targetType) => DurableJson.Deserialize(data, targetType);
}
