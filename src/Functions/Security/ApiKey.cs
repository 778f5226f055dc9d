using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace QuyCheWorkflow.Functions.Security;

/// <summary>
/// The wire form of an API key: <c>qcw_&lt;key id&gt;_&lt;secret&gt;</c>. The key id (16 hex characters) is not
/// secret and names the stored record, so checking a key is one point read; the secret is 32 random bytes
/// (base64url). Only the SHA-256 of the whole key is stored.
/// </summary>
internal static class ApiKey
{
    public const string Prefix = "qcw_";
    public const int KeyIdLength = 16;
    private const int SecretBytes = 32;
    private const int MaxLength = 128;

    public static (string KeyId, string Key) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(SecretBytes));
        return (keyId, $"{Prefix}{keyId}_{secret}");
    }

    public static bool TryGetKeyId(string key, [NotNullWhen(true)] out string? keyId)
    {
        keyId = null;
        if (key.Length > MaxLength || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var separator = Prefix.Length + KeyIdLength;
        if (key.Length <= separator + 1 || key[separator] != '_')
        {
            return false;
        }

        var candidate = key.AsSpan(Prefix.Length, KeyIdLength);
        foreach (var c in candidate)
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }

        keyId = candidate.ToString();
        return true;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Compares a presented key with a stored hash in time independent of where they differ.</summary>
    public static bool Matches(string presentedKey, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(presentedKey), storedHash);

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
