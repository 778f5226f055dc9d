namespace QuyCheWorkflow.Storage.Blobs;

/// <summary>A lease as the service answered an acquire, renew or release.</summary>
public sealed record BlobLease(string LeaseId, ETag ETag, DateTimeOffset LastModified);
