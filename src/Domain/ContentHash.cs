using System.Security.Cryptography;

namespace QuyCheWorkflow.Domain;

/// <summary>
/// A SHA-256 digest as 64 lower-case hexadecimal characters: the identity of an uploaded draft, a final
/// document or meeting minutes. Hashes are computed where the bytes are (the app); the domain only checks
/// the shape and normalises the case, so two spellings of one digest compare equal.
/// </summary>
public readonly record struct ContentHash
{
    private const int HexLength = 64;

    private ContentHash(string value)
    {
        Value = value;
    }

    /// <summary>The 64 lower-case hexadecimal characters.</summary>
    public string Value { get; }

    /// <summary>Parses a hex SHA-256 digest (either case).</summary>
    /// <exception cref="ArgumentException">Not 64 hexadecimal characters.</exception>
    public static ContentHash Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != HexLength || !hex.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("A SHA-256 hash is 64 hexadecimal characters.", nameof(hex));
        }

        return new ContentHash(hex.ToLowerInvariant());
    }

    /// <summary>Hashes <paramref name="bytes"/>; for tests and for canonical forms built in memory.</summary>
    public static ContentHash Of(ReadOnlySpan<byte> bytes)
        => new(Convert.ToHexStringLower(SHA256.HashData(bytes)));

    /// <summary>True for <c>default(ContentHash)</c>, which holds no digest.</summary>
    public bool IsEmpty => Value is null;

    public override string ToString() => Value ?? string.Empty;

    internal static void ThrowIfEmpty(ContentHash hash, string paramName)
    {
        if (hash.IsEmpty)
        {
            throw new ArgumentException("A SHA-256 content hash is required.", paramName);
        }
    }
}
