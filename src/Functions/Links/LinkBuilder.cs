using Microsoft.Extensions.Options;

namespace QuyCheWorkflow.Functions.Links;

/// <summary>Composes personal links: <c>{Links:BaseUrl}/l/{token}</c>. Thread-safe.</summary>
public sealed class LinkBuilder
{
    /// <summary>How long after its round's current deadline a vote link opens: the vote mails sign it so, and the page honours it after an extension.</summary>
    public static TimeSpan VoteLinkGrace { get; } = TimeSpan.FromDays(1);

    /// <summary>The route the link endpoint must serve, with the token as its only segment.</summary>
    public const string RouteTemplate = "/l/{token}";

    private readonly LinkTokenService _tokens;
    private readonly string _baseUrl;

    public LinkBuilder(LinkTokenService tokens, IOptions<LinkOptions> options)
    {
        _tokens = tokens;
        _baseUrl = (options.Value.BaseUrl ?? throw new OptionsValidationException(
            LinkOptions.SectionName, typeof(LinkOptions), ["Links:BaseUrl is required."])).AbsoluteUri.TrimEnd('/');
    }

    /// <summary>The signed link for <paramref name="claims"/>.</summary>
    public Uri Create(LinkClaims claims) => new(_baseUrl + "/l/" + _tokens.Create(claims));

    /// <summary>The signed link, expiring after Links:DefaultLifetime.</summary>
    public Uri Create(string regulationId, string roundId, string recipientId, LinkAction action, string contentHash) =>
        Create(new LinkClaims(regulationId, roundId, recipientId, action, contentHash, _tokens.DefaultExpiresAt()));
}
