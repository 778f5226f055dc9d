namespace QuyCheWorkflow.Functions.Office;

/// <summary>What the bytes of an upload turned out to be, with the content type and extension that go with it.</summary>
public sealed record SniffedDocument(DocumentKind Kind, string ContentType, string Extension);
