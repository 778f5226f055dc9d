namespace QuyCheWorkflow.Storage;

/// <summary>
/// An entity tag exactly as the service returned it. It is opaque: compare it only for equality and send it back
/// unchanged in an If-Match or If-None-Match condition.
/// </summary>
public readonly struct ETag : IEquatable<ETag>
{
    private readonly string? _value;

    public ETag(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>The wildcard <c>*</c>: matches any existing resource (If-Match) or none (If-None-Match).</summary>
    public static ETag All { get; } = new("*");

    /// <summary>True for <c>default(ETag)</c>, which carries no value.</summary>
    public bool IsEmpty => _value is null;

    public static bool operator ==(ETag left, ETag right) => left.Equals(right);

    public static bool operator !=(ETag left, ETag right) => !left.Equals(right);

    public bool Equals(ETag other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ETag other && Equals(other);

    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The raw header value, or an empty string for an empty tag.</summary>
    public override string ToString() => _value ?? string.Empty;
}
