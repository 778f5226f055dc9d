namespace QuyCheWorkflow.Functions.Mail;

/// <summary>A file attached to a message; <see cref="ContentType"/> may carry parameters (charset, method).</summary>
public sealed record MailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
