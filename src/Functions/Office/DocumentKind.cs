namespace QuyCheWorkflow.Functions.Office;

/// <summary>The document formats the office may upload (drafts, final texts, minutes, model regulations).</summary>
public enum DocumentKind
{
    /// <summary>A PDF file: starts with <c>%PDF-</c>.</summary>
    Pdf,

    /// <summary>A Word document: a ZIP holding <c>[Content_Types].xml</c> and <c>word/document.xml</c>.</summary>
    Docx,
}
