namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>Someone asked for an opinion on a draft, with where to write to them.</summary>
public sealed record ConsultationRecipient(string RecipientId, string Name, string Email);
