using System.Globalization;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Domain.Voting;

/// <summary>
/// One standing-committee vote (<i>biểu quyết</i>) on one draft version. Rules:
/// <list type="bullet">
/// <item>The voters are a snapshot of the committee taken when the round opens; the rule counts against the
/// snapshot size, so a member who never votes counts as not agreeing.</item>
/// <item>A member casts and may change the ballot while the round is <see cref="VoteRoundStatus.Open"/> and
/// before the deadline. Disagree and other opinion need a non-blank reason. Casting the ballot already
/// recorded (same choice and reason) is a no-op at any time, even after the decision, so a link clicked
/// twice does not fail; any other ballot after the decision is refused.</item>
/// <item>After every change the <see cref="DecisionRule"/> is applied; the round is decided as soon as the
/// outcome can no longer change, and from then on no ballot is accepted.</item>
/// <item>At the deadline without a decision (<see cref="ExpireIfDue"/>) the round becomes
/// <see cref="VoteRoundStatus.ExpiredUndecided"/>; the office extends it (<see cref="ExtendDeadline"/>, to a later
/// deadline, reopening it) or records an in-person result (<see cref="RecordInPersonResult"/>, dated within the round
/// and agreeing with the meeting's votes), which decides an
/// open or expired round regardless of the ballots.</item>
/// <item>A member replaced during an open round (<see cref="ReplaceMember"/>) loses the seat and the ballot; the
/// new member may vote; the rule is re-evaluated and a <see cref="MemberReplaced"/> event is returned.</item>
/// </list>
/// Not thread-safe: the app loads, changes and saves it under optimistic concurrency.
/// </summary>
public sealed partial class VoteRound
{
    private const string Subject = "vote round";
    private readonly List<CommitteeMember> _members;
    private readonly Dictionary<string, Ballot> _ballots = new(StringComparer.Ordinal);
    private readonly List<DeadlineExtension> _extensions = [];

    /// <param name="id">Identifier of the round.</param>
    /// <param name="regulationId">The regulation voted on.</param>
    /// <param name="draftVersion">The draft version voted on.</param>
    /// <param name="committee">The committee whose members are snapshotted as voters.</param>
    /// <param name="rule">The decision rule, e.g. <see cref="DecisionRule.MajorityOfAllMembers"/>.</param>
    /// <param name="openedAt">When the round opened.</param>
    /// <param name="deadline">When ballots stop being accepted; after <paramref name="openedAt"/>.</param>
    public VoteRound(
        string id,
        string regulationId,
        int draftVersion,
        StandingCommittee committee,
        DecisionRule rule,
        DateTimeOffset openedAt,
        DateTimeOffset deadline)
        : this(id, regulationId, draftVersion, (committee ?? throw new ArgumentNullException(nameof(committee))).Members, rule, openedAt, deadline)
    {
    }

    private VoteRound(
        string id,
        string regulationId,
        int draftVersion,
        IEnumerable<CommitteeMember> members,
        DecisionRule rule,
        DateTimeOffset openedAt,
        DateTimeOffset deadline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(regulationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(draftVersion, 1);
        ArgumentNullException.ThrowIfNull(rule);
        if (deadline <= openedAt)
        {
            throw new DomainException(RefusalCode.VoteDeadlineNotAfterOpening, "A vote deadline must be after the round opens.",
                new Dictionary<string, string> { ["deadline"] = deadline.ToString("O", CultureInfo.InvariantCulture) });
        }

        _members = [.. members];
        if (_members.Count == 0 || _members.DistinctBy(m => m.MemberId, StringComparer.Ordinal).Count() != _members.Count)
        {
            throw new DomainException(RefusalCode.VoteRoundMembersInvalid, "A vote round needs at least one member, each listed once.");
        }

        Id = id;
        RegulationId = regulationId;
        DraftVersion = draftVersion;
        Rule = rule;
        OpenedAt = openedAt;
        Deadline = deadline;
    }

    public string Id { get; }

    public string RegulationId { get; }

    public int DraftVersion { get; }

    public DecisionRule Rule { get; }

    public DateTimeOffset OpenedAt { get; }

    /// <summary>The current deadline (the latest extension, if any).</summary>
    public DateTimeOffset Deadline { get; private set; }

    public VoteRoundStatus Status { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public DecisionSource? DecidedBy { get; private set; }

    /// <summary>
    /// The Vietnam calendar day of the decision: the in-person meeting's date, or else the day of the ballot that
    /// decided it; null while undecided.
    /// </summary>
    public DateOnly? DecidedOn => InPersonResult?.MeetingDate ?? (DecidedAt is { } at ? VietnamTime.DateOf(at) : null);

    public InPersonResult? InPersonResult { get; private set; }

    /// <summary>The voters: the snapshot, with any replacement applied.</summary>
    public IReadOnlyList<CommitteeMember> Members => _members;

    /// <summary>Current ballots, in member order.</summary>
    public IReadOnlyList<Ballot> Ballots => [.. _members.Where(m => _ballots.ContainsKey(m.MemberId)).Select(m => _ballots[m.MemberId])];

    public IReadOnlyList<DeadlineExtension> Extensions => _extensions;

    public VoteTally Tally => VoteTally.Of(_members.Count, _ballots.Values);

    /// <summary>True once <see cref="VoteRoundStatus.Passed"/> or <see cref="VoteRoundStatus.Failed"/>.</summary>
    public bool IsDecided => Status is VoteRoundStatus.Passed or VoteRoundStatus.Failed;

    /// <summary>Members who have not voted, in member order ("waiting for 2 of 7 votes").</summary>
    public IReadOnlyList<CommitteeMember> MembersStillDue => [.. _members.Where(m => !_ballots.ContainsKey(m.MemberId))];

    /// <summary>
    /// Why the draft failed, for the return to resolution: one line per disagree or other-opinion ballot
    /// ("Nguyễn Văn A (Không đồng ý): reason"), or the reasons from the in-person minutes. Empty unless failed.
    /// </summary>
    public IReadOnlyList<string> FailureReasons => Status != VoteRoundStatus.Failed
        ? []
        : InPersonResult is { } meeting
            ? meeting.Reasons
            : [.. Ballots.Where(b => b.Choice != VoteChoice.Agree)
                .Select(b => $"{MemberName(b.MemberId)} ({VoteChoiceText.Label(b.Choice)}): {b.Reason}")];

    /// <summary>Who should get a reminder at <paramref name="now"/>: members still due, while open and before the deadline.</summary>
    public IReadOnlyList<CommitteeMember> MembersToRemind(DateTimeOffset now)
        => Status == VoteRoundStatus.Open && now < Deadline ? MembersStillDue : [];

    /// <summary>
    /// Casts or replaces <paramref name="memberId"/>'s ballot and applies the rule. Re-casting the ballot
    /// already recorded changes nothing and never throws.
    /// </summary>
    /// <returns>The round status after the ballot.</returns>
    /// <exception cref="InvalidTransitionException">The round is not open, or the deadline has passed.</exception>
    /// <exception cref="DomainException">Not a member of this round, or a reason is missing
    /// (<see cref="RefusalCode.BallotReasonMissing"/>).</exception>
    public VoteRoundStatus Cast(string memberId, VoteChoice choice, string? reason, DateTimeOffset at)
    {
        string? normalisedReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (_ballots.TryGetValue(memberId, out Ballot? existing) && existing.Choice == choice && existing.Reason == normalisedReason)
        {
            return Status;
        }

        EnsureOpenBeforeDeadline("cast a ballot", at);
        if (!_members.Any(m => m.MemberId == memberId))
        {
            throw new DomainException(RefusalCode.NotVoteRoundMember, $"'{memberId}' is not a voter in vote round '{Id}'.",
                new Dictionary<string, string> { ["memberId"] = memberId });
        }

        if (!Enum.IsDefined(choice))
        {
            throw new ArgumentOutOfRangeException(nameof(choice), choice, null);
        }

        if (choice != VoteChoice.Agree && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(RefusalCode.BallotReasonMissing, $"A ballot \"{VoteChoiceText.Label(choice)}\" needs a reason.",
                new Dictionary<string, string> { ["choice"] = choice.ToString() });
        }

        _ballots[memberId] = new Ballot(memberId, choice, normalisedReason, at);
        ApplyRule(at);
        return Status;
    }

    /// <summary>Moves an open round past its deadline to <see cref="VoteRoundStatus.ExpiredUndecided"/>.</summary>
    /// <returns>True if this call expired it.</returns>
    public bool ExpireIfDue(DateTimeOffset now)
    {
        if (Status != VoteRoundStatus.Open || now < Deadline)
        {
            return false;
        }

        Status = VoteRoundStatus.ExpiredUndecided;
        return true;
    }

    /// <summary>
    /// Sets a later deadline on an undecided round (open, or expired undecided, which reopens it). The new
    /// deadline must be later than the current one and than <paramref name="at"/>.
    /// </summary>
    /// <exception cref="InvalidTransitionException">The round is decided.</exception>
    public void ExtendDeadline(DateTimeOffset newDeadline, string extendedBy, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extendedBy);
        if (IsDecided)
        {
            throw InvalidTransitionException.For(Subject, Status, "extend the deadline");
        }

        if (newDeadline <= Deadline || newDeadline <= at)
        {
            throw new DomainException(RefusalCode.VoteDeadlineNotLater, $"The new deadline {newDeadline:O} must be later than the current deadline {Deadline:O} and than now.",
                new Dictionary<string, string> { ["deadline"] = newDeadline.ToString("O", CultureInfo.InvariantCulture), ["currentDeadline"] = Deadline.ToString("O", CultureInfo.InvariantCulture) });
        }

        _extensions.Add(new DeadlineExtension(Deadline, newDeadline, extendedBy, at));
        Deadline = newDeadline;
        Status = VoteRoundStatus.Open;
    }

    /// <summary>
    /// Decides an open or expired-undecided round by the result of an in-person meeting. The ballots stay
    /// as cast (for the record) but no longer count. The meeting lies between the day the round opened and the day
    /// the result is recorded (<see cref="InPersonResult.RecordedAt"/>, Vietnam calendar); its
    /// <paramref name="votes"/> count at most one per member and carry the result under the round's rule.
    /// </summary>
    /// <exception cref="InvalidTransitionException">The round is already decided.</exception>
    /// <exception cref="DomainException"><see cref="RefusalCode.MeetingDateOutsideRound"/>,
    /// <see cref="RefusalCode.MeetingVotesExceedMembers"/> or <see cref="RefusalCode.MeetingResultContradictsVotes"/>;
    /// or a failed result without any reason.</exception>
    public void RecordInPersonResult(InPersonResult result, MeetingVotes votes)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentOutOfRangeException.ThrowIfNegative(votes.Agrees, nameof(votes));
        ArgumentOutOfRangeException.ThrowIfNegative(votes.Disagrees, nameof(votes));
        ArgumentOutOfRangeException.ThrowIfNegative(votes.OtherOpinions, nameof(votes));
        ContentHash.ThrowIfEmpty(result.MinutesHash, nameof(result));
        if (IsDecided)
        {
            throw InvalidTransitionException.For(Subject, Status, "record an in-person result");
        }

        EnsureMeeting(result, votes);
        if (!result.Passed && !result.Reasons.Any(r => !string.IsNullOrWhiteSpace(r)))
        {
            throw new DomainException(RefusalCode.InPersonFailureWithoutReasons, "A failed in-person result needs the reasons from the minutes.");
        }

        InPersonResult = result;
        Status = result.Passed ? VoteRoundStatus.Passed : VoteRoundStatus.Failed;
        DecidedBy = DecisionSource.InPersonMeeting;
        DecidedAt = result.RecordedAt;
    }

    /// <summary>
    /// Gives <paramref name="oldMemberId"/>'s seat to <paramref name="newMember"/> in an open round: the old
    /// ballot is removed, the new member may vote, and the rule is applied again.
    /// </summary>
    /// <exception cref="InvalidTransitionException">The round is not open.</exception>
    /// <exception cref="DomainException">The old member is not a voter or the new one already is.</exception>
    public MemberReplaced ReplaceMember(string oldMemberId, CommitteeMember newMember, string replacedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(newMember);
        ArgumentException.ThrowIfNullOrWhiteSpace(replacedBy);
        if (Status != VoteRoundStatus.Open)
        {
            throw InvalidTransitionException.For(Subject, Status, "replace a member");
        }

        int seat = _members.FindIndex(m => m.MemberId == oldMemberId);
        if (seat < 0)
        {
            throw new DomainException(RefusalCode.NotVoteRoundMember, $"'{oldMemberId}' is not a voter in vote round '{Id}'.",
                new Dictionary<string, string> { ["memberId"] = oldMemberId });
        }

        if (_members.Any(m => m.MemberId == newMember.MemberId))
        {
            throw new DomainException(RefusalCode.AlreadyVoteRoundMember, $"'{newMember.MemberId}' already votes in vote round '{Id}'.",
                new Dictionary<string, string> { ["memberId"] = newMember.MemberId });
        }

        VoteRoundStatus before = Status;
        CommitteeMember old = _members[seat];
        _ballots.Remove(oldMemberId, out Ballot? removed);
        _members[seat] = newMember;
        ApplyRule(at);
        return new MemberReplaced(Id, old, newMember, removed, before, Status, replacedBy, at);
    }

    private void EnsureOpenBeforeDeadline(string action, DateTimeOffset at)
    {
        if (Status != VoteRoundStatus.Open)
        {
            throw InvalidTransitionException.For(Subject, Status, action);
        }

        if (at >= Deadline)
        {
            throw InvalidTransitionException.For(Subject, Status, action, $"The deadline {Deadline:O} has passed.");
        }
    }

    private void EnsureMeeting(InPersonResult result, MeetingVotes votes)
    {
        DateOnly today = VietnamTime.DateOf(result.RecordedAt);
        DateOnly openedOn = VietnamTime.DateOf(OpenedAt);
        if (result.MeetingDate > today || result.MeetingDate < openedOn)
        {
            throw new DomainException(RefusalCode.MeetingDateOutsideRound,
                $"The meeting date {Iso(result.MeetingDate)} is not between the round's opening ({Iso(openedOn)}) and today ({Iso(today)}).",
                new Dictionary<string, string> { ["meetingDate"] = Iso(result.MeetingDate), ["openedOn"] = Iso(openedOn), ["today"] = Iso(today) });
        }

        int members = _members.Count;
        if (votes.Total > members)
        {
            throw new DomainException(RefusalCode.MeetingVotesExceedMembers,
                $"The meeting counted {votes.Total} votes but the round has {members} members.",
                new Dictionary<string, string> { ["votes"] = Number(votes.Total), ["members"] = Number(members) });
        }

        int required = Rule.RequiredAgrees(members);
        if (result.Passed != (votes.Agrees >= required))
        {
            throw new DomainException(RefusalCode.MeetingResultContradictsVotes,
                $"A result {(result.Passed ? "passed" : "failed")} contradicts {votes.Agrees} agrees of {members} members under rule '{Rule.Code}' ({required} needed).",
                new Dictionary<string, string>
                {
                    ["rule"] = Rule.Code, ["required"] = Number(required), ["members"] = Number(members), ["agrees"] = Number(votes.Agrees),
                });
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void ApplyRule(DateTimeOffset at)
    {
        VoteDecision decision = Rule.Decide(Tally);
        if (decision == VoteDecision.Undecided)
        {
            return;
        }

        Status = decision == VoteDecision.Passed ? VoteRoundStatus.Passed : VoteRoundStatus.Failed;
        DecidedBy = DecisionSource.Ballots;
        DecidedAt = at;
    }

    private string MemberName(string memberId) => _members.First(m => m.MemberId == memberId).FullName;
}
