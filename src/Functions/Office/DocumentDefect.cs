namespace QuyCheWorkflow.Functions.Office;

/// <summary>Why an upload that looks like a PDF or a DOCX cannot be offered to people as a document.</summary>
public enum DocumentDefect
{
    /// <summary>The file does not open: damaged, cut short, or only the signature of a PDF / DOCX.</summary>
    Unreadable,

    /// <summary>The file is password-protected (encrypted), so others cannot open it.</summary>
    Encrypted,

    /// <summary>The file opens but holds nothing: a PDF without pages, a DOCX without text.</summary>
    Empty,

    /// <summary>An OLE compound file: a legacy .doc, or a DOCX that Word encrypted with a password.</summary>
    LegacyOrEncryptedWord,
}
