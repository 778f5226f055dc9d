using System.Text.Json;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>One audit-log entry of a regulation, oldest first; <c>ActionLabel</c> is the Vietnamese wording of <c>Action</c>.</summary>
public sealed record TimelineEntryResponse(
    long Sequence,
    DateTimeOffset At,
    string Action,
    string ActionLabel,
    string ActorId,
    string ActorDisplay,
    IReadOnlyList<string> SubjectIds,
    JsonElement? Details);
