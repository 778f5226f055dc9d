using QuyCheWorkflow.Domain.Consultations;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// The result of an answer: <paramref name="Recorded"/> is false when the recipient had already answered (nothing
/// changed, and <paramref name="Round"/> holds the stored answer).
/// </summary>
public sealed record ConsultationAnswerOutcome(bool Recorded, ConsultationRoundState Round);
