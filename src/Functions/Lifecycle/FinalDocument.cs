namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>The signed, numbered text as issued, when it is a different file from the approved draft (already sniffed).</summary>
public sealed record FinalDocument(ReadOnlyMemory<byte> Content, string FileName, string ContentType);
