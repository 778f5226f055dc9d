using QuyCheWorkflow.Domain;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>The text hash a link carries.</summary>
internal static class LinkHashes
{
    /// <summary>The hash in a link's claims; a link signed with something else matches no text (the empty hash).</summary>
    public static ContentHash Parse(string value)
    {
        try
        {
            return ContentHash.Parse(value);
        }
        catch (ArgumentException)
        {
            return default;
        }
    }
}
