using QuyCheWorkflow.Domain.Filings;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>What the filing orchestration needs to know about its filing.</summary>
public sealed record FilingView(FilingStatus Status, DateTimeOffset SentAt, IReadOnlyList<DateTimeOffset> Reminders);
