using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// One draft version as the office API returns it: its number in the drafting cycle, the file (SHA-256 as 64
/// lower-case hex characters) and where the text came from (<c>SourceId</c> names the model or previous regulation).
/// </summary>
public sealed record DraftResponse(
    int Number,
    string Sha256,
    string FileName,
    string ContentType,
    DraftOrigin Origin,
    string? SourceId,
    string UploadedBy,
    DateTimeOffset UploadedAt)
{
    public static DraftResponse From(DraftVersion draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(draft.Number, draft.ContentHash.ToString(), draft.FileName, draft.ContentType, draft.Origin, draft.SourceId,
            draft.UploadedBy, ApiInstant.Of(draft.UploadedAt));
    }
}
