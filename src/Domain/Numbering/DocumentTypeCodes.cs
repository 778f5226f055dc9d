namespace QuyCheWorkflow.Domain.Numbering;

/// <summary>Abbreviations of document types as written in symbols (QC, QĐ, NQ, ...).</summary>
public static class DocumentTypeCodes
{
    public static string Code(DocumentType type) => type switch
    {
        DocumentType.Regulation => "QC",
        DocumentType.Decision => "QĐ",
        DocumentType.Resolution => "NQ",
        DocumentType.Conclusion => "KL",
        DocumentType.Notice => "TB",
        DocumentType.Plan => "KH",
        DocumentType.Report => "BC",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
