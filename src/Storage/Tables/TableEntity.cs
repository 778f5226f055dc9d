using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace QuyCheWorkflow.Storage.Tables;

/// <summary>
/// One table entity: its keys, its ETag and Timestamp as last read or written, and its properties. Property values
/// are string, int, long, double, bool, DateTimeOffset (DateTime is converted to UTC), Guid or byte[]; each is sent
/// with its EDM type so it reads back as the same CLR type. Not thread-safe: it is a plain data bag.
/// </summary>
[SuppressMessage("Naming", "CA1710", Justification = "Named after the service's concept, as Azure.Data.Tables does.")]
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object>>
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    /// <summary>The ETag the service last returned for this entity; empty for an entity not yet read or written.</summary>
    public ETag ETag { get; set; }

    /// <summary>The service's last-modified time; set only on entities read from the service.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The number of properties besides the keys, ETag and Timestamp.</summary>
    public int Count => _properties.Count;

    public IEnumerable<string> Keys => _properties.Keys;

    /// <summary>A property's value, or null if absent. Setting null removes the property.</summary>
    /// <exception cref="ArgumentException">The value's type has no EDM equivalent, or the name is reserved.</exception>
    public object? this[string name]
    {
        get => _properties.TryGetValue(name, out var value) ? value : null;
        set
        {
            CheckName(name);
            if (value is null)
            {
                _properties.Remove(name);
            }
            else
            {
                _properties[name] = Normalize(name, value);
            }
        }
    }

    /// <summary>Adds a property; lets an entity be written with a collection initializer.</summary>
    public void Add(string name, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        CheckName(name);
        _properties.Add(name, Normalize(name, value));
    }

    public bool ContainsKey(string name) => _properties.ContainsKey(name);

    public bool Remove(string name) => _properties.Remove(name);

    public bool TryGetValue(string name, [MaybeNullWhen(false)] out object value) => _properties.TryGetValue(name, out value);

    /// <summary>A String property, or null if absent.</summary>
    /// <exception cref="InvalidOperationException">The property holds another type (likewise for the other getters).</exception>
    public string? GetString(string name) => Get<string>(name);

    public int? GetInt32(string name) => GetValue<int>(name);

    /// <summary>An Int64 property; an Int32 value widens.</summary>
    public long? GetInt64(string name) => this[name] switch
    {
        null => null,
        int i => i,
        var other => Cast<long>(name, other),
    };

    /// <summary>A Double property; integer values widen (a whole double may have been stored without its type).</summary>
    public double? GetDouble(string name) => this[name] switch
    {
        null => null,
        int i => i,
        long l => l,
        var other => Cast<double>(name, other),
    };

    public bool? GetBoolean(string name) => GetValue<bool>(name);

    public DateTimeOffset? GetDateTimeOffset(string name) => GetValue<DateTimeOffset>(name);

    public Guid? GetGuid(string name) => GetValue<Guid>(name);

    public byte[]? GetBinary(string name) => Get<byte[]>(name);

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A copy with the same keys and properties (byte arrays are shared) and no ETag or Timestamp.</summary>
    public TableEntity Clone()
    {
        var copy = new TableEntity(PartitionKey, RowKey);
        foreach (var (name, value) in _properties)
        {
            copy._properties[name] = value;
        }

        return copy;
    }

    internal void SetRaw(string name, object value) => _properties[name] = value;

    private static void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name is "PartitionKey" or "RowKey" or "Timestamp" or "ETag" || name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is reserved; use the entity's own property for keys, ETag and Timestamp.", nameof(name));
        }
    }

    private static object Normalize(string name, object value) => value switch
    {
        string or int or long or double or bool or Guid or byte[] => value,
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime()),
        BinaryData data => data.ToArray(),
        _ => throw new ArgumentException(
            $"Property '{name}' has type {value.GetType().Name}; tables store string, int, long, double, bool, DateTimeOffset, Guid and byte[].",
            nameof(value)),
    };

    private static T Cast<T>(string name, object value) => value is T typed
        ? typed
        : throw new InvalidOperationException($"Property '{name}' holds a {value.GetType().Name}, not a {typeof(T).Name}.");

    private T? Get<T>(string name)
        where T : class => this[name] is { } value ? Cast<T>(name, value) : null;

    private T? GetValue<T>(string name)
        where T : struct => this[name] is { } value ? Cast<T>(name, value) : null;
}
