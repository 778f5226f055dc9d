namespace QuyCheWorkflow.Functions.Links;

/// <summary>The <c>Links</c> configuration section.</summary>
public sealed class LinkOptions
{
    public const string SectionName = "Links";

    /// <summary>Public base URL of the app; links are <c>{BaseUrl}/l/{token}</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The key id new tokens are signed with; must be one of <see cref="Keys"/>.</summary>
    public string ActiveKeyId { get; set; } = "";

    /// <summary>
    /// Key id to base64 key (at least 32 bytes). Every configured key verifies, so a key can be rotated out
    /// by first making another one active and removing it once its links have expired.
    /// </summary>
    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromDays(14);
}
