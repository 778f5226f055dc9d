using QuyCheWorkflow.Functions.Lifecycle;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>Body of <c>POST .../consultation</c>: who is consulted, until when.</summary>
public sealed record OpenConsultationRequest(IReadOnlyList<ConsultationRecipient>? Recipients, DateTimeOffset? Deadline);
