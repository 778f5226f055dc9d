using CoreDataConverter = DurableTask.Core.Serializing.DataConverter;
using OfficialConverter = Microsoft.DurableTask.DataConverter;

namespace QuyCheWorkflow.Durable.Reference.Tests.Engines;

/// <summary>
/// DTFx's converter interface over the official SDK's converter, so that DTFx's <c>TaskHubClient</c> writes inputs
/// and event payloads as the official client does (it would use Newtonsoft.Json otherwise). Thread-safe as the
/// wrapped converter is.
/// </summary>
internal sealed class OfficialDataConverter(OfficialConverter converter) : CoreDataConverter
{
    public override string? Serialize(object? value) => converter.Serialize(value);

    // The official converter has no indented form; formatting changes nothing a reader depends on.
    public override string? Serialize(object? value, bool formatted) => converter.Serialize(value);

    public override object? Deserialize(string? data, Type objectType) => converter.Deserialize(data, objectType);
}
