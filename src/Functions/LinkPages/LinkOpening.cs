namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>A link opened: what it points at, or the page that says why it cannot be used.</summary>
internal sealed record LinkOpening
{
    private LinkOpening(OpenedLink? link, IResult? refusal)
    {
        Link = link;
        Refusal = refusal;
    }

    /// <summary>What the link points at; null when refused.</summary>
    public OpenedLink? Link { get; }

    /// <summary>The page to show instead; null when the link is usable.</summary>
    public IResult? Refusal { get; }

    public static LinkOpening Open(OpenedLink link) => new(link ?? throw new ArgumentNullException(nameof(link)), null);

    public static LinkOpening Refused(IResult refusal) => new(null, refusal ?? throw new ArgumentNullException(nameof(refusal)));
}
