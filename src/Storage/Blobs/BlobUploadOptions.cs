namespace QuyCheWorkflow.Storage.Blobs;

/// <summary>How to store an uploaded blob.</summary>
public sealed record BlobUploadOptions
{
    /// <summary>The Content-Type to store (default application/octet-stream).</summary>
    public string? ContentType { get; init; }

    /// <summary>Metadata to store: names are C# identifiers, values ASCII (HTTP headers carry them).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public BlobRequestConditions? Conditions { get; init; }

    /// <summary>The lease of a leased blob; takes precedence over <see cref="BlobRequestConditions.LeaseId"/>.</summary>
    public string? LeaseId { get; init; }
}
