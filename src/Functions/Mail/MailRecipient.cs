namespace QuyCheWorkflow.Functions.Mail;

/// <summary>An e-mail address with an optional display name (which may carry Vietnamese diacritics).</summary>
public sealed record MailRecipient(string Address, string? Name = null);
