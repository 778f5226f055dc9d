using System.Text.RegularExpressions;

namespace QuyCheWorkflow.Durable;

/// <summary>Settings of a task hub, its worker and its client. Read once at start-up.</summary>
public sealed partial class DurableTaskOptions
{
    /// <summary>Gets or sets the task hub name: prefix of every table, queue and container (3–45 letters or digits).</summary>
    public string TaskHubName { get; set; } = "durable";

    public DurableTaskBackendKind Backend { get; set; } = DurableTaskBackendKind.InMemory;

    /// <summary>Gets or sets the number of control queues instances are spread over by a stable hash of their id.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Gets or sets how many messages the embedded worker processes at once.</summary>
    public int MaxConcurrentWorkItems { get; set; } = 8;

    /// <summary>
    /// Gets or sets the longest idle wait between two queue polls (the whole worker makes one poll per wait; default
    /// 2 s, so an idle hub costs half a request a second). A message this process sends wakes the worker at once; one
    /// sent by another process, or a timer falling due, waits at most this long.
    /// </summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets how long a received message stays hidden from other workers (default 30 s, at least 1 s). While its
    /// work runs the worker hides it again every third of this, so work of any length keeps it; when the process dies
    /// the renewals stop and the message shows up again, for any worker, within this time.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the delivery count after which a message is quarantined in the poison queue.</summary>
    public int PoisonMessageThreshold { get; set; } = 8;

    /// <summary>
    /// Gets or sets how many activity steps one control message may run in process right after scheduling them
    /// (instead of a round trip through the work-item queue); 0 turns this off. Their work items are still sent,
    /// hidden for <see cref="MessageVisibilityTimeout"/> and renewed while they run, so a crash falls back to the queue.
    /// </summary>
    public int InlineActivityBudget { get; set; } = 16;

    /// <summary>
    /// Gets or sets the version stamped on new instances and sub-orchestrations that do not name one (a client's
    /// <see cref="DurableTaskClientOptions.DefaultVersion"/>, when set, takes precedence for the instances it starts).
    /// </summary>
    public string DefaultVersion { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets whether the worker polls the queues in this process. Off when something else feeds the
    /// <see cref="DurableTaskDispatcher"/> (the Functions host's queue triggers).
    /// </summary>
    public bool EnableEmbeddedWorker { get; set; } = true;

    /// <summary>
    /// Gets or sets the longest real delay a queue message is hidden for. Timers further away are re-armed and
    /// re-checked against the clock on each wake-up (Azure caps delays at 7 days anyway); a short value lets tests on
    /// a fake clock see due timers quickly.
    /// </summary>
    public TimeSpan MaxMessageDelay { get; set; } = TimeSpan.FromDays(6);

    /// <summary>Gets or sets how long a message for an instance nobody here serves (unknown version) waits before it is retried.</summary>
    public TimeSpan UnservedRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how long a message that arrived before its instance started waits before it is retried.</summary>
    public TimeSpan EarlyMessageRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets how inputs, outputs, event payloads and custom statuses are turned into text and back, by the
    /// client, the orchestrations and the activities alike. The default is System.Text.Json with web defaults
    /// (camelCase, case-insensitive reads) and enums as names; the SDK's <c>JsonDataConverter.Default</c> writes
    /// property names as declared. WARNING: changing it for a hub with instances in flight leaves their stored
    /// payloads in the old shape.
    /// </summary>
    public DataConverter DataConverter { get; set; } = DurableJsonDataConverter.Instance;

    /// <summary>Gets or sets how often the client polls while waiting for an instance to start or finish.</summary>
    public TimeSpan ClientPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    internal void Validate()
    {
        if (!HubNamePattern().IsMatch(TaskHubName))
        {
            throw new InvalidOperationException($"Task hub name '{TaskHubName}' must be 3–45 letters or digits, starting with a letter.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(PartitionCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentWorkItems, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(PoisonMessageThreshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MessageVisibilityTimeout, TimeSpan.FromSeconds(1));
        ArgumentNullException.ThrowIfNull(DataConverter);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubNamePattern();
}
