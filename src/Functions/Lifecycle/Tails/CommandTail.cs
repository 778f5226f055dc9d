namespace QuyCheWorkflow.Functions.Lifecycle.Tails;

/// <summary>
/// What a command does after its one conditional write, stated by the command and stored in that write (see
/// <see cref="QuyCheWorkflow.Functions.State.PendingTail"/>): rows it creates, audit entries, follow-up commands
/// on other rows, then the organisation's status refresh and the orchestration wake-ups, then the request marked
/// done. Every step is idempotent, so the tail is carried out again, whole, by whoever finds it pending: the
/// command itself, the next command on the row, a retried request, or the reconciler.
/// </summary>
/// <param name="Id">Unique per command run; audit entries are appended once per (Id, index).</param>
/// <param name="OrganisationId">Whose status row to refresh.</param>
/// <param name="At">When the command ran: the audit entries' time.</param>
/// <param name="Rows">Rows the command creates besides the one holding the tail.</param>
/// <param name="Audit">Audit entries, in order.</param>
/// <param name="FollowUps">Follow-up commands on other rows, each with a tail of its own.</param>
/// <param name="Wakes">Orchestrations to start or wake, after the status refresh.</param>
/// <param name="RequestId">The idempotent request that ran the command, marked done with <paramref name="ResultJson"/>.</param>
/// <param name="ResultJson">What the command returned, as JSON, for a retried request.</param>
// WARNING: stored as JSON in table rows until carried out; renaming or removing a member breaks tails pending at a deployment.
public sealed record CommandTail(
    string Id,
    string OrganisationId,
    DateTimeOffset At,
    IReadOnlyList<TailRow> Rows,
    IReadOnlyList<TailAuditEntry> Audit,
    IReadOnlyList<TailFollowUp> FollowUps,
    IReadOnlyList<TailWake> Wakes,
    string? RequestId,
    string? ResultJson);
