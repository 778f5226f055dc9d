namespace QuyCheWorkflow.Functions.Office;

/// <summary>A sniffed upload: the bytes, a file name for display only, and the content type the bytes proved.</summary>
internal sealed record UploadedDocument(ReadOnlyMemory<byte> Content, string FileName, SniffedDocument Kind);
