namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>The file of a campaign's directing document as uploaded (already checked to be a DOCX or PDF people can open).</summary>
/// <param name="Content">The bytes.</param>
/// <param name="FileName">The name to download it under.</param>
/// <param name="ContentType">The content type its bytes proved.</param>
public sealed record DirectingDocumentFile(ReadOnlyMemory<byte> Content, string FileName, string ContentType);
