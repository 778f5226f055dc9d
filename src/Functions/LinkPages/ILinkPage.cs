using QuyCheWorkflow.Functions.Links;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>The page behind one kind of personal link (<see cref="LinkAction"/>): what it loads, shows and records.</summary>
internal interface ILinkPage
{
    /// <summary>The kind of link this page serves.</summary>
    public LinkAction Action { get; }

    /// <summary>
    /// True when the link stays usable past the expiry signed into it as long as what it points at allows (a vote
    /// link lives as long as its round's current deadline, so an extension keeps the links already sent working).
    /// </summary>
    public bool OutlivesSignedExpiry { get; }

    /// <summary>
    /// Loads what <paramref name="request"/>'s link points at and checks that it is still the recipient's and the
    /// regulation's current one; reads only, so a GET (a mail scanner's prefetch) changes nothing.
    /// </summary>
    public Task<LinkOpening> OpenAsync(LinkRequest request, CancellationToken cancellationToken = default);
}
