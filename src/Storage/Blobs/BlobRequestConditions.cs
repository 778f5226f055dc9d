namespace QuyCheWorkflow.Storage.Blobs;

/// <summary>Preconditions of a blob write or delete.</summary>
public sealed record BlobRequestConditions
{
    /// <summary>Proceed only if the blob's ETag is this one (412 ConditionNotMet otherwise).</summary>
    public ETag? IfMatch { get; init; }

    /// <summary>Proceed only if the blob's ETag differs; <see cref="ETag.All"/> means "only if the blob does not exist"
    /// (409 BlobAlreadyExists otherwise).</summary>
    public ETag? IfNoneMatch { get; init; }

    /// <summary>The lease a leased blob requires for writes and deletes (412 LeaseIdMissing without it).</summary>
    public string? LeaseId { get; init; }
}
