namespace QuyCheWorkflow.Storage.Blobs;

/// <summary>One entry of a blob listing.</summary>
public sealed record BlobItem(string Name, BlobProperties Properties);
