using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Durable;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// Starts and signals the stage orchestrations of the lifecycle. Instance ids are deterministic
/// ("vote|{regulation}|{round}"), so starting one twice is refused by the engine and the reconciler can tell
/// which instance a stage object should have. Signals are wake-ups only (<see cref="StateChangedEvent"/>): the
/// orchestration re-reads the tables, so a lost signal delays a step until the next timer or reconciler run
/// instead of losing it.
/// </summary>
public sealed class LifecycleOrchestrations(DurableTaskClient client, ILogger<LifecycleOrchestrations> logger)
{
    /// <summary>The one event every lifecycle orchestration waits for: "something about your subject changed".</summary>
    public const string StateChangedEvent = "StateChanged";

    public const string ConsultationRoundOrchestratorName = "ConsultationRoundOrchestrator";
    public const string VoteRoundOrchestratorName = "VoteRoundOrchestrator";
    public const string FilingOrchestratorName = "FilingOrchestrator";
    public const string ReviewCycleOrchestratorName = "ReviewCycleOrchestrator";

    /// <summary>
    /// The vote round orchestration's version for new instances: version 2 sends the vote request to a member who
    /// took a seat during the round; version 3 also tells the members who have not voted when the deadline moves (an
    /// extension, or a round reopened after it expired), with links valid until the new deadline. Instances stamped
    /// earlier replay as they were written.
    /// </summary>
    public const string VoteRoundVersion = "3";

    /// <summary>
    /// The review cycle orchestration's version for new instances: version 2, starting after a notice's instant,
    /// sends the latest one it missed at once. Instances stamped earlier replay as they were written.
    /// </summary>
    public const string ReviewCycleVersion = "2";

    /// <summary>True when an instance stamped <paramref name="version"/> runs the behaviour of version <paramref name="wanted"/> or later.</summary>
    public static bool IsAtLeast(string? version, int wanted) =>
        int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number) && number >= wanted;

    public static string ConsultationInstanceId(string regulationId, string roundId) => $"consultation|{regulationId}|{roundId}";

    public static string VoteInstanceId(string regulationId, string roundId) => $"vote|{regulationId}|{roundId}";

    public static string FilingInstanceId(string regulationId, string filingId) => $"filing|{regulationId}|{filingId}";

    public static string ReviewInstanceId(string regulationId, string reviewId) => $"review|{regulationId}|{reviewId}";

    public Task<bool> StartConsultationAsync(string organisationId, string regulationId, string roundId, CancellationToken cancellationToken = default) =>
        StartAsync(ConsultationRoundOrchestratorName, ConsultationInstanceId(regulationId, roundId), new LifecycleInstanceInput(organisationId, regulationId, roundId), cancellationToken);

    public Task<bool> StartVoteAsync(string organisationId, string regulationId, string roundId, CancellationToken cancellationToken = default) =>
        StartAsync(VoteRoundOrchestratorName, VoteInstanceId(regulationId, roundId), new LifecycleInstanceInput(organisationId, regulationId, roundId), cancellationToken, VoteRoundVersion);

    public Task<bool> StartFilingAsync(string organisationId, string regulationId, string filingId, CancellationToken cancellationToken = default) =>
        StartAsync(FilingOrchestratorName, FilingInstanceId(regulationId, filingId), new LifecycleInstanceInput(organisationId, regulationId, filingId), cancellationToken);

    /// <summary>Starts the review cycle for the regulation's next due review, unless one is running.</summary>
    public async Task<bool> EnsureReviewCycleAsync(string organisationId, RegulationState regulation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        if (regulation.NextReviewDue is not { } due || !Regulation.FromState(regulation).HasTextInForce)
        {
            return false;
        }

        string reviewId = ReviewIds.For(due);
        return await StartAsync(ReviewCycleOrchestratorName, ReviewInstanceId(regulation.Id, reviewId), new LifecycleInstanceInput(organisationId, regulation.Id, reviewId), cancellationToken,
            ReviewCycleVersion);
    }

    /// <summary>
    /// Tells the instance (any lifecycle orchestration) that its subject changed: it re-reads the tables. A missing
    /// or finished instance is left alone.
    /// </summary>
    public Task SignalAsync(string instanceId, CancellationToken cancellationToken = default) => WakeAsync(instanceId, cancellationToken);

    /// <summary>Wakes the round's orchestration for its new deadline, or starts it again if it had finished.</summary>
    public async Task VoteDeadlineMovedAsync(string organisationId, string regulationId, string roundId, CancellationToken cancellationToken = default)
    {
        string instanceId = VoteInstanceId(regulationId, roundId);
        var instance = await client.GetInstanceAsync(instanceId, cancellation: cancellationToken);
        if (instance is null || instance.IsCompleted)
        {
            await StartVoteAsync(organisationId, regulationId, roundId, cancellationToken);
            return;
        }

        await WakeAsync(instanceId, cancellationToken);
    }

    /// <summary>The instance's status, or null when it does not exist (never started, or purged).</summary>
    public Task<OrchestrationMetadata?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        client.GetInstanceAsync(instanceId, cancellation: cancellationToken);

    /// <returns>True when a new instance was scheduled; false when one with that id is pending or running.</returns>
    internal async Task<bool> StartAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken,
        string? version = null)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                orchestratorName, input, new StartOrchestrationOptions { InstanceId = instanceId, Version = version is null ? null : new TaskVersion(version) }, cancellationToken);
            Log.OrchestrationStarted(logger, orchestratorName, instanceId);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    /// <summary>Raises <see cref="StateChangedEvent"/> on the instance; a missing instance is logged and left alone.</summary>
    internal async Task WakeAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await client.RaiseEventAsync(instanceId, StateChangedEvent, null, cancellationToken);
        }
        catch (OrchestrationNotFoundException)
        {
            // Purged or never started: the reconciler starts what the tables say is missing.
            Log.OrchestrationMissing(logger, instanceId);
        }
    }
}
