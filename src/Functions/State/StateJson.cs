using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using Azure.Data.Tables;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// Domain state records as JSON in table properties. A property holds at most 64 KiB (32 K UTF-16 characters),
/// so the JSON is split over <c>Json0</c>, <c>Json1</c>, ... properties; an entity holds at most 1 MiB, which
/// bounds one aggregate row at about 900 K characters of JSON.
/// </summary>
internal static class StateJson
{
    // WARNING: changing these options changes the stored shape of every aggregate.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters =
        {
            new JsonStringEnumConverter(),
            new ContentHashJsonConverter(),
            new OrganisationCodeJsonConverter(),
            new TermJsonConverter(),
        },
    };

    private const string Prefix = "Json";
    public const int ChunkChars = 30_000;
    private const int MaxChars = 900_000;

    public static void Write<T>(TableEntity entity, T value)
    {
        string json = JsonSerializer.Serialize(value, Options);
        if (json.Length > MaxChars)
        {
            throw new InvalidOperationException(
                $"{typeof(T).Name} is {json.Length} characters of JSON, more than one table entity holds ({MaxChars}).");
        }

        WriteChunks(entity, Prefix, json);
    }

    public static T Read<T>(TableEntity entity)
    {
        string json = ReadChunks(entity, Prefix)
            ?? throw new InvalidOperationException($"Row {entity.PartitionKey}/{entity.RowKey} holds no {typeof(T).Name}.");
        return JsonSerializer.Deserialize<T>(json, Options)
            ?? throw new InvalidOperationException($"Row {entity.PartitionKey}/{entity.RowKey} holds a null {typeof(T).Name}.");
    }

    /// <summary>Writes <paramref name="json"/> over <c>{prefix}0</c>, <c>{prefix}1</c>, ... and <c>{prefix}Chunks</c>.</summary>
    public static void WriteChunks(TableEntity entity, string prefix, string json)
    {
        int chunks = 0;
        for (int offset = 0; offset < json.Length; offset += ChunkChars)
        {
            entity[prefix + chunks.ToString(CultureInfo.InvariantCulture)] = json.Substring(offset, Math.Min(ChunkChars, json.Length - offset));
            chunks++;
        }

        entity[prefix + "Chunks"] = chunks;
    }

    /// <summary>The text written by <see cref="WriteChunks"/>, or null when the row holds none (or zero chunks).</summary>
    public static string? ReadChunks(TableEntity entity, string prefix)
    {
        int chunks = entity.GetInt32(prefix + "Chunks") ?? 0;
        if (chunks == 0)
        {
            return null;
        }

        StringBuilder json = new();
        for (int i = 0; i < chunks; i++)
        {
            json.Append(entity.GetString(prefix + i.ToString(CultureInfo.InvariantCulture)));
        }

        return json.ToString();
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is null.");

    private sealed class ContentHashJsonConverter : JsonConverter<ContentHash>
    {
        public override ContentHash Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string? value = reader.GetString();
            return string.IsNullOrEmpty(value) ? default : ContentHash.Parse(value);
        }

        public override void Write(Utf8JsonWriter writer, ContentHash value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    private sealed class OrganisationCodeJsonConverter : JsonConverter<OrganisationCode>
    {
        public override OrganisationCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string? value = reader.GetString();
            return string.IsNullOrEmpty(value) ? default : OrganisationCode.Parse(value);
        }

        public override void Write(Utf8JsonWriter writer, OrganisationCode value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }

    private sealed class TermJsonConverter : JsonConverter<Term>
    {
        public override Term Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            StateKeys.ParseTerm(reader.GetString() ?? throw new JsonException("A term is a string."));

        public override void Write(Utf8JsonWriter writer, Term value, JsonSerializerOptions options) =>
            writer.WriteStringValue(StateKeys.FormatTerm(value));
    }
}
