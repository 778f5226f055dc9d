using QuyCheWorkflow.Domain;

namespace QuyCheWorkflow.Functions.State;

/// <summary>A document read back from <see cref="DocumentStore"/>, its hash verified.</summary>
public sealed record StoredDocument(ContentHash Hash, ReadOnlyMemory<byte> Content, string FileName, string ContentType);
