using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Functions.Links;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>What a personal link points at, loaded and found current: it shows its page and takes its form.</summary>
internal abstract class OpenedLink(LinkClaims claims, string recipientName, ContentHash documentHash)
{
    public LinkClaims Claims { get; } = claims;

    /// <summary>Who the link is for, as people read it (also the actor's name on the audit chain).</summary>
    public string RecipientName { get; } = recipientName;

    /// <summary>The text the link offers for download: the draft, or the issued document.</summary>
    public ContentHash DocumentHash { get; } = documentHash;

    /// <summary>The page, with <paramref name="notice"/> (what was just recorded) when there is one.</summary>
    public abstract IResult Render(LinkPageView view, string? notice);

    /// <summary>
    /// Reads the posted form and, when it is complete, records it once through <paramref name="command"/>.
    /// </summary>
    /// <exception cref="DomainException">The rules refused it; nothing was recorded.</exception>
    public abstract Task<LinkSubmission> SubmitAsync(IFormCollection form, LinkCommand command, CancellationToken cancellationToken = default);
}
