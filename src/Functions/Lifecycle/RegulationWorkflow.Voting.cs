using System.Globalization;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle.Tails;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

public sealed partial class RegulationWorkflow
{
    /// <summary>
    /// Puts the latest draft to the standing committee: a snapshot of the organisation's committee, decided by the
    /// default rule (more than half of all members agree). Every comment of the last round must be resolved.
    /// </summary>
    public async Task<VoteRoundState> SubmitForVoteAsync(string organisationId, string regulationId, DateTimeOffset deadline,
        Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var organisation = await LoadOrganisationAsync(organisationId, cancellationToken);
        var (round, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, regulationId, cancellationToken);
            var regulation = Regulation.FromState(loaded.Value);
            var cycle = ActiveCycleOf(regulation, "start a vote");
            if (cycle.Stage != DraftingStage.Resolving || cycle.CurrentConsultationRoundId is not { } consultationId || cycle.LatestDraft is not { } latest)
            {
                throw new InvalidTransitionException("regulation", regulation.Stage.ToString(), "start a vote");
            }

            var sheet = await stores.Consultations.GetSheetAsync(regulationId, consultationId, cancellationToken)
                ?? throw new LifecycleNotFoundException($"The resolution sheet of round '{consultationId}' does not exist.");
            VoteRound round = new(
                NextId("vote", regulation, c => c.VoteRoundIds.Count), regulationId, latest.Number, organisation.Committee,
                DecisionRule.MajorityOfAllMembers, timeProvider.GetUtcNow(), deadline);
            regulation.StartVote(round, ResolutionSheet.FromState(sheet.Value));
            var tail = Tail(organisationId, actor)
                .Create(new NewVoteRound(round.ToState()))
                .Audit(regulationId, AuditAction.VoteOpened, [regulationId, round.Id],
                    new { draftVersion = round.DraftVersion, members = round.Members.Count, rule = round.Rule.Code, deadline })
                .Wake(WakeKind.StartVote, regulationId, round.Id);
            return (round, await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, tail.Build(round.ToState()), cancellationToken));
        });

        await CompleteAsync(written, cancellationToken);
        return round.ToState();
    }

    /// <summary>
    /// Records or changes a member's ballot. Allowed until the round is decided; the ballot that decides the round
    /// moves the regulation on (approved, or back to resolving with the reasons).
    /// </summary>
    public Task<VoteRoundState> CastBallotAsync(string regulationId, string roundId, string memberId, VoteChoice choice,
        string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        CastBallotAsync(regulationId, roundId, null, memberId, choice, reason, actor, cancellationToken);

    /// <summary>
    /// <see cref="CastBallotAsync(string, string, string, VoteChoice, string?, Actor, CancellationToken)"/> on the
    /// round as the caller has just read it (a link page that checked the link against it), which saves reading it
    /// again; if it changed since, the conditional write fails and the ballot is cast on the round read afresh.
    /// </summary>
    public Task<VoteRoundState> CastBallotAsync(Loaded<VoteRoundState> current, string memberId, VoteChoice choice,
        string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        return CastBallotAsync(current.Value.RegulationId, current.Value.Id, current, memberId, choice, reason, actor, cancellationToken);
    }

    private async Task<VoteRoundState> CastBallotAsync(string regulationId, string roundId, Loaded<VoteRoundState>? current,
        string memberId, VoteChoice choice, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        string organisationId = await OrganisationOfAsync(regulationId, cancellationToken);
        var (round, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = current is { Tail: null } ? current : await LoadVoteAsync(regulationId, roundId, cancellationToken);
            current = null;
            var round = VoteRound.FromState(loaded.Value);
            var before = round.Ballots.FirstOrDefault(b => b.MemberId == memberId);
            round.Cast(memberId, choice, reason, timeProvider.GetUtcNow());
            if (Equals(before, round.Ballots.FirstOrDefault(b => b.MemberId == memberId)))
            {
                return (round, (PendingTail?)null);
            }

            var tail = Tail(organisationId, actor).Audit(regulationId, AuditAction.VoteCast, [regulationId, roundId, memberId],
                new { choice = choice.ToString(), reason, status = round.Status.ToString() });
            if (round.IsDecided)
            {
                tail.FollowUp(FollowUpKind.ApplyVoteDecision, regulationId, roundId).Wake(WakeKind.SignalVote, regulationId, roundId);
            }

            return (round, await stores.Votes.UpdateAsync(round.ToState(), loaded.ETag, tail.Build(round.ToState()), cancellationToken));
        });

        if (written is not null)
        {
            await CompleteAsync(written, cancellationToken);
        }

        return round.ToState();
    }

    /// <summary>Moves the deadline of the current, undecided round later (also reopens a round that expired undecided).</summary>
    public async Task<VoteRoundState> ExtendVoteDeadlineAsync(string organisationId, string regulationId, DateTimeOffset newDeadline,
        Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (round, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadCurrentVoteAsync(organisationId, regulationId, "extend the vote deadline", cancellationToken);
            var round = VoteRound.FromState(loaded.Value);
            var previous = round.Deadline;
            round.ExtendDeadline(newDeadline, actor.Id, timeProvider.GetUtcNow());
            var tail = Tail(organisationId, actor)
                .Audit(regulationId, AuditAction.VoteExtended, [regulationId, round.Id], new { previous, newDeadline })
                .Wake(WakeKind.VoteDeadlineMoved, regulationId, round.Id);
            return (round, await stores.Votes.UpdateAsync(round.ToState(), loaded.ETag, tail.Build(round.ToState()), cancellationToken));
        });

        await CompleteAsync(written, cancellationToken);
        return round.ToState();
    }

    /// <summary>
    /// Records the result of a committee meeting that decided the draft in person, with its date and minutes (stored
    /// by content hash). The counts go into the audit entry; a failed result carries them as its reason.
    /// </summary>
    /// <exception cref="DomainException">No minutes; or the meeting refused by <see cref="VoteRound.RecordInPersonResult"/>
    /// (a date outside the round, more votes than members, a result the counts contradict).</exception>
    public async Task<VoteRoundState> RecordInPersonResultAsync(string organisationId, string regulationId, DateOnly meetingDate,
        bool passed, int agree, int disagree, int other, ReadOnlyMemory<byte> minutes, string minutesFileName, string minutesContentType,
        Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfNegative(agree);
        ArgumentOutOfRangeException.ThrowIfNegative(disagree);
        ArgumentOutOfRangeException.ThrowIfNegative(other);
        if (minutes.IsEmpty)
        {
            throw new DomainException(RefusalCode.MinutesRequired, "An in-person result needs its minutes.");
        }

        var hash = ContentHash.Of(minutes.Span);
        string tally = string.Create(CultureInfo.InvariantCulture,
            $"Biên bản họp: {agree} đồng ý, {disagree} không đồng ý, {other} ý kiến khác.");
        InPersonResult Result() => new(passed, hash, meetingDate, passed ? [] : [tally], actor.Id, timeProvider.GetUtcNow());
        MeetingVotes votes = new(agree, disagree, other);

        // Refuse before storing the minutes.
        var probe = VoteRound.FromState((await LoadCurrentVoteAsync(organisationId, regulationId, "record an in-person result", cancellationToken)).Value);
        probe.RecordInPersonResult(Result(), votes);
        await stores.Documents.UploadAsync(minutes, minutesFileName, minutesContentType, cancellationToken);
        var (round, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadCurrentVoteAsync(organisationId, regulationId, "record an in-person result", cancellationToken);
            var round = VoteRound.FromState(loaded.Value);
            round.RecordInPersonResult(Result(), votes);
            var tail = Tail(organisationId, actor)
                .Audit(regulationId, AuditAction.VoteInPerson, [regulationId, round.Id, hash.ToString()],
                    new { meetingDate, passed, agree, disagree, other, minutesFileName })
                .FollowUp(FollowUpKind.ApplyVoteDecision, regulationId, round.Id)
                .Wake(WakeKind.SignalVote, regulationId, round.Id);
            return (round, await stores.Votes.UpdateAsync(round.ToState(), loaded.ETag, tail.Build(round.ToState()), cancellationToken));
        });

        await CompleteAsync(written, cancellationToken);
        return round.ToState();
    }

    /// <summary>
    /// Marks the round expired when its deadline passed undecided (called by the round's orchestration). Idempotent.
    /// </summary>
    /// <returns>The round as stored afterwards.</returns>
    public async Task<VoteRoundState> ExpireVoteIfDueAsync(string regulationId, string roundId, CancellationToken cancellationToken = default)
    {
        string organisationId = await OrganisationOfAsync(regulationId, cancellationToken);
        var (round, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadVoteAsync(regulationId, roundId, cancellationToken);
            var round = VoteRound.FromState(loaded.Value);
            if (!round.ExpireIfDue(timeProvider.GetUtcNow()))
            {
                return (round, (PendingTail?)null);
            }

            var tail = Tail(organisationId, Actors.System)
                .Audit(regulationId, AuditAction.VoteExpired, [regulationId, roundId], new { deadline = round.Deadline });
            return (round, await stores.Votes.UpdateAsync(round.ToState(), loaded.ETag, tail.Build(round.ToState()), cancellationToken));
        });

        if (written is not null)
        {
            await CompleteAsync(written, cancellationToken);
        }

        return round.ToState();
    }

    /// <summary>
    /// Applies a decided round to the regulation unless already applied (a retry, or a repair by the round's
    /// orchestration after an interrupted command). Idempotent.
    /// </summary>
    public async Task ApplyVoteDecisionAsync(string regulationId, string roundId, CancellationToken cancellationToken = default)
    {
        var round = VoteRound.FromState((await LoadVoteAsync(regulationId, roundId, cancellationToken)).Value);
        if (round.IsDecided)
        {
            await ApplyVoteDecisionAsync(await OrganisationOfAsync(regulationId, cancellationToken), round, cancellationToken);
        }
    }

    private async Task<bool> ApplyVoteDecisionAsync(string organisationId, VoteRound round, CancellationToken cancellationToken)
    {
        var written = await RetryOnConflictAsync(round.RegulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, round.RegulationId, cancellationToken);
            var regulation = Regulation.FromState(loaded.Value);
            if (regulation.ActiveCycle is not { Stage: DraftingStage.InVote } cycle || cycle.CurrentVoteRoundId != round.Id)
            {
                return null;
            }

            regulation.ApplyVoteResult(round);
            var tail = Tail(organisationId, Actors.System).Audit(round.RegulationId, AuditAction.VoteDecided, [round.RegulationId, round.Id],
                new { status = round.Status.ToString(), decidedBy = round.DecidedBy?.ToString(), reasons = round.FailureReasons });
            return await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, tail.Build(true), cancellationToken);
        });

        if (written is null)
        {
            return false;
        }

        await CompleteAsync(written, cancellationToken);
        return true;
    }

    private async Task<Loaded<VoteRoundState>> LoadVoteAsync(string regulationId, string roundId, CancellationToken cancellationToken) =>
        await ReadAsync(() => stores.Votes.GetAsync(regulationId, roundId, cancellationToken), cancellationToken)
        ?? throw new LifecycleNotFoundException($"Vote round '{roundId}' of regulation '{regulationId}' does not exist.");

    private async Task<Loaded<VoteRoundState>> LoadCurrentVoteAsync(string organisationId, string regulationId, string action, CancellationToken cancellationToken)
    {
        var regulation = Regulation.FromState((await LoadRegulationAsync(organisationId, regulationId, cancellationToken)).Value);
        var cycle = ActiveCycleOf(regulation, action);
        if (cycle.CurrentVoteRoundId is not { } roundId || cycle.Stage != DraftingStage.InVote)
        {
            throw new InvalidTransitionException("regulation", regulation.Stage.ToString(), action, "No vote is under way.");
        }

        return await LoadVoteAsync(regulationId, roundId, cancellationToken);
    }
}
