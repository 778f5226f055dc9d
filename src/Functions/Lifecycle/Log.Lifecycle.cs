using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Functions;

/// <summary>Log messages of the app; this part holds the lifecycle (event ids 5000–5099).</summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Debug, "Regulation or organisation {SubjectId}: save lost a concurrency race (attempt {Attempt}), reloading")]
    public static partial void ConcurrencyConflictRetried(ILogger logger, string subjectId, int attempt);

    [LoggerMessage(5001, LogLevel.Information, "Started {Orchestrator} instance {InstanceId}")]
    public static partial void OrchestrationStarted(ILogger logger, string orchestrator, string instanceId);

    [LoggerMessage(5002, LogLevel.Warning, "No orchestration instance {InstanceId} to signal; the reconciler will start what is missing")]
    public static partial void OrchestrationMissing(ILogger logger, string instanceId);

    [LoggerMessage(5003, LogLevel.Information, "Reconciler started {Started} missing or stuck lifecycle orchestrations")]
    public static partial void ReconcilerRan(ILogger logger, int started);

    [LoggerMessage(5004, LogLevel.Warning, "Reconciler started missing or stuck instance {InstanceId}")]
    public static partial void ReconcilerStarted(ILogger logger, string instanceId);

    [LoggerMessage(5005, LogLevel.Warning, "Reminder sweep woke {InstanceId}, still asleep past {WakeAt:o}")]
    public static partial void ReminderSweepWoke(ILogger logger, string instanceId, DateTimeOffset wakeAt);

    [LoggerMessage(5006, LogLevel.Warning, "Carried out the command tail left pending in {Table} row {PartitionKey}/{RowKey} by a process that stopped")]
    public static partial void PendingTailCompleted(ILogger logger, string table, string partitionKey, string rowKey);

    [LoggerMessage(5008, LogLevel.Warning, "Follow-up {Kind} of regulation {RegulationId} ({SubjectId}) refused by the domain, left undone: {Reason}")]
    public static partial void TailFollowUpRefused(ILogger logger, string kind, string regulationId, string subjectId, string reason);
}
