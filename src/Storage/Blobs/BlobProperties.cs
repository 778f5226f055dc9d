namespace QuyCheWorkflow.Storage.Blobs;

/// <summary>A blob's system properties and metadata.</summary>
/// <param name="ETag">The version tag for conditional requests.</param>
/// <param name="LastModified">When the blob last changed.</param>
/// <param name="ContentLength">Its size in bytes.</param>
/// <param name="ContentType">Its stored Content-Type.</param>
/// <param name="ContentHash">The MD5 of its content as stored by the service (null if none was stored).</param>
/// <param name="Metadata">Its metadata (names as the service returns them).</param>
/// <param name="LeaseState">available, leased, expired, breaking or broken, when the service reported it.</param>
public sealed record BlobProperties(
    ETag ETag,
    DateTimeOffset LastModified,
    long ContentLength,
    string? ContentType,
    byte[]? ContentHash,
    IReadOnlyDictionary<string, string> Metadata,
    string? LeaseState = null);
