namespace QuyCheWorkflow.Functions.Quality;

/// <summary>What a comparison of a regulation's text with a reference text could say.</summary>
public enum LikenessKind
{
    /// <summary>Both texts were read: the percentage says how alike they are.</summary>
    Measured,

    /// <summary>The regulation's own file has no text layer (a scanned PDF): not comparable, never 0 % or 100 %.</summary>
    Scanned,

    /// <summary>The reference's file has no text layer (a scanned PDF).</summary>
    ReferenceScanned,

    /// <summary>There is no such reference (no previous term's issued regulation, no model of the type).</summary>
    NoReference,

    /// <summary>A file is no longer stored or cannot be opened (damaged, encrypted).</summary>
    Unreadable,
}
