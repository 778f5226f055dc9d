using System.Buffers.Text;
using Microsoft.Extensions.Options;

namespace QuyCheWorkflow.Functions.Links;

internal sealed class LinkOptionsValidator : IValidateOptions<LinkOptions>
{
    internal const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, LinkOptions options)
    {
        var failures = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true } baseUrl || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Links:BaseUrl must be the app's absolute http(s) public base URL, e.g. http://127.0.0.1:7071.");
        }

        if (options.Keys.Count == 0)
        {
            failures.Add("Links:Keys must hold at least one signing key: Links:Keys:<keyId> = base64 of at least 32 random bytes.");
        }

        foreach (var (keyId, key) in options.Keys)
        {
            if (!LinkTokenService.IsValidKeyId(keyId))
            {
                failures.Add($"Links:Keys:{keyId}: a key id is 1–32 characters of A–Z, a–z, 0–9, '-' or '_'.");
            }

            if (DecodeKey(key) is not { Length: >= MinimumKeyBytes })
            {
                failures.Add($"Links:Keys:{keyId} must be base64 of at least {MinimumKeyBytes} bytes.");
            }
        }

        if (string.IsNullOrEmpty(options.ActiveKeyId))
        {
            failures.Add("Links:ActiveKeyId is required: the id of the key (under Links:Keys) that signs new links.");
        }
        else if (!options.Keys.ContainsKey(options.ActiveKeyId))
        {
            failures.Add($"Links:ActiveKeyId '{options.ActiveKeyId}' has no key under Links:Keys.");
        }

        if (options.DefaultLifetime <= TimeSpan.Zero)
        {
            failures.Add("Links:DefaultLifetime must be positive, e.g. 14.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static byte[]? DecodeKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        var trimmed = base64.Trim();
        var buffer = new byte[trimmed.Length];
        if (Convert.TryFromBase64String(trimmed, buffer, out var written))
        {
            return buffer[..written];
        }

        // Keys generated for URLs or environment variables are often base64url; accept both alphabets.
        return Base64Url.IsValid(trimmed.AsSpan()) ? Base64Url.DecodeFromChars(trimmed) : null;
    }
}
