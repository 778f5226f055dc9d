using QuyCheWorkflow.Domain.Consultations;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>What the consultation orchestration needs to know about its round.</summary>
public sealed record ConsultationRoundView(ConsultationStatus Status, DateTimeOffset OpenedAt, DateTimeOffset Deadline, IReadOnlyList<DateTimeOffset> Reminders);
