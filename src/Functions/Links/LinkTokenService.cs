using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace QuyCheWorkflow.Functions.Links;

/// <summary>
/// Issues and checks the signed tokens in personal links. A token is
/// <c>{keyId}.{base64url(payload)}.{base64url(HMAC-SHA256(key, "{keyId}.{payload}"))}</c>; the payload is a
/// small binary record (version, action, expiry, regulation, round, recipient, content hash), so a token
/// stays short enough for a phone's mail client. It signs with the active key and verifies with every
/// configured key, which lets keys rotate. Immutable and thread-safe.
/// </summary>
/// <remarks>Tokens are bearer credentials: never log them.</remarks>
public sealed class LinkTokenService
{
    // WARNING: bumping the payload layout needs a new version byte; tokens already mailed carry this one.
    private const byte PayloadVersion = 1;
    private const int MaxFieldBytes = 256;
    private const int MaxTokenLength = 2048;
    private const int SignatureBytes = 32;
    private const int MaxKeyIdLength = 32;

    private readonly TimeProvider _timeProvider;
    private readonly FrozenDictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;
    private readonly TimeSpan _defaultLifetime;

    public LinkTokenService(IOptions<LinkOptions> options, TimeProvider timeProvider)
    {
        var value = options.Value;
        _timeProvider = timeProvider;
        _activeKeyId = value.ActiveKeyId;
        _defaultLifetime = value.DefaultLifetime;
        _keys = value.Keys.ToFrozenDictionary(
            k => k.Key,
            k => LinkOptionsValidator.DecodeKey(k.Value) ?? throw new OptionsValidationException(
                LinkOptions.SectionName, typeof(LinkOptions), [$"Links:Keys:{k.Key} is not valid base64."]),
            StringComparer.Ordinal);
        if (!_keys.ContainsKey(_activeKeyId))
        {
            throw new OptionsValidationException(
                LinkOptions.SectionName, typeof(LinkOptions), [$"Links:ActiveKeyId '{_activeKeyId}' has no key under Links:Keys."]);
        }
    }

    /// <summary>The expiry a new link gets when the caller has no better one: now plus Links:DefaultLifetime.</summary>
    public DateTimeOffset DefaultExpiresAt() => _timeProvider.GetUtcNow() + _defaultLifetime;

    /// <summary>Signs <paramref name="claims"/> with the active key. Deterministic for equal claims and key.</summary>
    /// <exception cref="ArgumentException">A field is empty or longer than 256 UTF-8 bytes, or the action is unknown.</exception>
    public string Create(LinkClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (!Enum.IsDefined(claims.Action))
        {
            throw new ArgumentException($"Unknown link action {claims.Action}.", nameof(claims));
        }

        string[] fields = [claims.RegulationId, claims.RoundId, claims.RecipientId, claims.ContentHash];
        var payload = new List<byte>(64) { PayloadVersion, (byte)claims.Action };
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, claims.ExpiresAt.ToUnixTimeSeconds());
        payload.AddRange(number);
        foreach (var field in fields)
        {
            var bytes = Encoding.UTF8.GetBytes(field ?? "");
            if (bytes.Length is 0 or > MaxFieldBytes)
            {
                throw new ArgumentException($"Every link claim must be 1–{MaxFieldBytes} UTF-8 bytes long.", nameof(claims));
            }

            payload.Add((byte)(bytes.Length - 1));
            payload.AddRange(bytes);
        }

        var signed = _activeKeyId + "." + Base64Url.EncodeToString(payload.ToArray());
        return signed + "." + Base64Url.EncodeToString(Sign(_keys[_activeKeyId], signed));
    }

    /// <summary>
    /// Checks a token from a link. Never throws for bad input: anything that is not a well-formed token of
    /// ours is <see cref="LinkValidationStatus.Malformed"/>. The signature is checked (in constant time)
    /// before the expiry, so a forged token never learns whether it would have been expired.
    /// </summary>
    public LinkValidationResult Validate(string? token, LinkExpectation? expected = null)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength ||
            !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return Fail(LinkValidationStatus.Malformed);
        }

        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var lastDot = token.LastIndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot + 1 || lastDot == token.Length - 1 ||
            token.AsSpan(firstDot + 1, lastDot - firstDot - 1).Contains('.'))
        {
            return Fail(LinkValidationStatus.Malformed);
        }

        var keyId = token[..firstDot];
        var payloadText = token.AsSpan(firstDot + 1, lastDot - firstDot - 1);
        var signatureText = token.AsSpan(lastDot + 1);
        if (!IsValidKeyId(keyId) || !Base64Url.IsValid(payloadText) || !Base64Url.IsValid(signatureText))
        {
            return Fail(LinkValidationStatus.Malformed);
        }

        var signature = Base64Url.DecodeFromChars(signatureText);
        if (signature.Length != SignatureBytes)
        {
            return Fail(LinkValidationStatus.Malformed);
        }

        if (!_keys.TryGetValue(keyId, out var key))
        {
            return Fail(LinkValidationStatus.UnknownKey);
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(key, token[..lastDot])))
        {
            return Fail(LinkValidationStatus.BadSignature);
        }

        if (TryReadPayload(Base64Url.DecodeFromChars(payloadText), out var claims) is false)
        {
            return Fail(LinkValidationStatus.Malformed);
        }

        if (_timeProvider.GetUtcNow() >= claims.ExpiresAt)
        {
            return new(LinkValidationStatus.Expired, claims);
        }

        return Matches(claims, expected)
            ? new(LinkValidationStatus.Valid, claims)
            : new(LinkValidationStatus.ContextMismatch, claims);
    }

    internal static bool IsValidKeyId(string keyId) =>
        keyId.Length is > 0 and <= MaxKeyIdLength && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static LinkValidationResult Fail(LinkValidationStatus status) => new(status, null);

    private static byte[] Sign(byte[] key, string signedPart) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signedPart));

    private static bool Matches(LinkClaims claims, LinkExpectation? expected) =>
        expected is null ||
        ((expected.Action is null || expected.Action == claims.Action) &&
         (expected.RegulationId is null || string.Equals(expected.RegulationId, claims.RegulationId, StringComparison.Ordinal)) &&
         (expected.RoundId is null || string.Equals(expected.RoundId, claims.RoundId, StringComparison.Ordinal)) &&
         (expected.ContentHash is null || string.Equals(expected.ContentHash, claims.ContentHash, StringComparison.Ordinal)));

    private static bool TryReadPayload(ReadOnlySpan<byte> payload, out LinkClaims claims)
    {
        claims = null!;
        if (payload.Length < 10 || payload[0] != PayloadVersion || !Enum.IsDefined((LinkAction)payload[1]))
        {
            return false;
        }

        var action = (LinkAction)payload[1];
        var expiresAtSeconds = BinaryPrimitives.ReadInt64BigEndian(payload[2..10]);
        if (expiresAtSeconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || expiresAtSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var rest = payload[10..];
        var fields = new string[4];
        for (var i = 0; i < fields.Length; i++)
        {
            if (rest.IsEmpty || rest.Length < rest[0] + 2)
            {
                return false;
            }

            var length = rest[0] + 1;
            fields[i] = Encoding.UTF8.GetString(rest.Slice(1, length));
            rest = rest[(1 + length)..];
        }

        if (!rest.IsEmpty)
        {
            return false;
        }

        claims = new LinkClaims(fields[0], fields[1], fields[2], action, fields[3], DateTimeOffset.FromUnixTimeSeconds(expiresAtSeconds));
        return true;
    }
}
