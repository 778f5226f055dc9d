namespace QuyCheWorkflow.Functions.Office;

/// <summary>Limits of the office API; section <c>Office</c>.</summary>
public sealed class OfficeApiOptions
{
    public const string SectionName = "Office";

    /// <summary>Largest document (draft, minutes) accepted, in bytes; <c>Office:MaxUploadBytes</c>, default 20 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Most data rows one CSV import may have; <c>Office:MaxImportRows</c>, default 10,000.</summary>
    public int MaxImportRows { get; set; } = 10_000;

    /// <summary>Largest JSON command body; commands are small.</summary>
    public const long MaxJsonBodyBytes = 64 * 1024;

    /// <summary>Room for the multipart boundaries and headers around an uploaded file.</summary>
    public const long MultipartOverheadBytes = 16 * 1024;
}
