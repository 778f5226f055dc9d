namespace QuyCheWorkflow.Functions.Office;

/// <summary>The text <see cref="DocumentText.Extract"/> found in a document, one paragraph or line per line.</summary>
/// <param name="Text">The text; empty when the document has none (a scanned PDF: page images without a text layer).</param>
public sealed record ExtractedText(string Text)
{
    /// <summary>False for a document without a letter of text, which cannot be compared with another.</summary>
    public bool HasText => !string.IsNullOrWhiteSpace(Text);
}
