using QuyCheWorkflow.Domain.Consultations;

namespace QuyCheWorkflow.Functions.Quality;

/// <summary>A closed consultation round of a regulation with its measured quality.</summary>
/// <param name="Round">The round as stored.</param>
/// <param name="Quality">Its figures and formal flag.</param>
public sealed record ClosedRoundQuality(ConsultationRoundState Round, ConsultationQuality Quality);
