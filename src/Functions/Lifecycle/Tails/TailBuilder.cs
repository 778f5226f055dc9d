using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle.Tails;

/// <summary>
/// Collects what a command states it changed, in the order the tail carries it out; <see cref="Build"/> gives the
/// JSON the command writes with its row. One builder per command run (its id is the tail's id).
/// </summary>
internal sealed class TailBuilder(string organisationId, Actor actor, DateTimeOffset at)
{
    private readonly string _id = Guid.NewGuid().ToString("N");
    private readonly List<TailRow> _rows = [];
    private readonly List<TailAuditEntry> _audit = [];
    private readonly List<TailFollowUp> _followUps = [];
    private readonly List<TailWake> _wakes = [];

    public TailBuilder Create(TailRow row)
    {
        _rows.Add(row);
        return this;
    }

    public TailBuilder Audit(string partition, AuditAction action, IReadOnlyList<string> subjects, object? details) =>
        Audit(partition, actor, action, subjects, details);

    public TailBuilder Audit(string partition, Actor by, AuditAction action, IReadOnlyList<string> subjects, object? details)
    {
        string? json = details is null ? null : StateJson.Serialize(details);
        _audit.Add(new TailAuditEntry(partition, new AuditRecord(by.Id, by.Display, action.Code, subjects, json, by.Origin)));
        return this;
    }

    public TailBuilder FollowUp(FollowUpKind kind, string regulationId, string subjectId = "")
    {
        _followUps.Add(new TailFollowUp(kind, regulationId, subjectId));
        return this;
    }

    public TailBuilder Wake(WakeKind kind, string regulationId, string subjectId = "")
    {
        _wakes.Add(new TailWake(kind, regulationId, subjectId));
        return this;
    }

    /// <summary>The tail as stored, with the command's <paramref name="result"/> for a retried request.</summary>
    public string Build<TResult>(TResult result) => StateJson.Serialize(new CommandTail(
        _id, organisationId, at, _rows, _audit, _followUps, _wakes,
        actor.RequestId, actor.RequestId is null ? null : StateJson.Serialize(result)));
}
