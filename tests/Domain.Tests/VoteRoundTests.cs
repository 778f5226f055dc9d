namespace QuyCheWorkflow.Domain.Tests;

public sealed class VoteRoundTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Cast_AgreesUpToStrictMajority_PassesExactlyAtTheMajority(int members)
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(members).Build();
        int majority = (members / 2) + 1;

        List<VoteRoundStatus> statuses = [.. Enumerable.Range(1, majority)
            .Select(i => round.Cast($"m{i}", VoteChoice.Agree, null, TestData.Minutes(i)))];

        Assert.All(statuses.SkipLast(1), s => Assert.Equal(VoteRoundStatus.Open, s));
        Assert.Equal(VoteRoundStatus.Passed, statuses[^1]);
        Assert.Equal(DecisionSource.Ballots, round.DecidedBy);
        Assert.Equal(TestData.Minutes(majority), round.DecidedAt);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Cast_NotAgreeing_FailsAsSoonAsMajorityIsOutOfReach(int members)
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(members).Build();
        int blocking = members - (members / 2);

        List<VoteRoundStatus> statuses = [.. Enumerable.Range(1, blocking)
            .Select(i => round.Cast($"m{i}", i % 2 == 0 ? VoteChoice.OtherOpinion : VoteChoice.Disagree, "Cần bổ sung.", TestData.Minutes(i)))];

        Assert.All(statuses.SkipLast(1), s => Assert.Equal(VoteRoundStatus.Open, s));
        Assert.Equal(VoteRoundStatus.Failed, statuses[^1]);
    }

    [Fact]
    public void Cast_OtherOpinion_DoesNotCountTowardsPassing()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(3).Build();

        round.Cast("m1", VoteChoice.Agree, null, TestData.Minutes(1));
        VoteRoundStatus status = round.Cast("m2", VoteChoice.OtherOpinion, "Đề nghị sửa Điều 5.", TestData.Minutes(2));

        Assert.Equal(VoteRoundStatus.Open, status);
        Assert.Equal(new VoteTally(3, 1, 0, 1), round.Tally);
    }

    [Fact]
    public void Cast_MemberChangesVoteBeforeDecision_LastBallotCounts()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(5).Build();
        round.Cast("m1", VoteChoice.Disagree, "Chưa rõ.", TestData.Minutes(1));
        round.Cast("m2", VoteChoice.Disagree, "Chưa rõ.", TestData.Minutes(2));

        round.Cast("m1", VoteChoice.Agree, null, TestData.Minutes(3));
        round.Cast("m3", VoteChoice.Agree, null, TestData.Minutes(4));
        VoteRoundStatus status = round.Cast("m4", VoteChoice.Agree, null, TestData.Minutes(5));

        Assert.Equal(VoteRoundStatus.Passed, status);
        Assert.Equal(new VoteTally(5, 3, 1, 0), round.Tally);
        Assert.Equal(VoteChoice.Agree, round.Ballots.Single(b => b.MemberId == "m1").Choice);
    }

    [Fact]
    public void Cast_AfterDecision_ThrowsNamingDecidedState()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(3).Build();
        round.Cast("m1", VoteChoice.Agree, null, TestData.Minutes(1));
        round.Cast("m2", VoteChoice.Agree, null, TestData.Minutes(2));

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(
            () => round.Cast("m3", VoteChoice.Disagree, "Muộn.", TestData.Minutes(3)));

        Assert.Equal(nameof(VoteRoundStatus.Passed), error.CurrentState);
        Assert.Contains("Passed", error.Message, StringComparison.Ordinal);
        Assert.Contains("cast a ballot", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, round.Tally.Agrees);
    }

    [Fact]
    public void Cast_ChangingVoteAfterFailure_Throws()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(2).Build();
        round.Cast("m1", VoteChoice.Disagree, "Không phù hợp.", TestData.Minutes(1));

        Assert.Equal(VoteRoundStatus.Failed, round.Status);
        Assert.Throws<InvalidTransitionException>(() => round.Cast("m1", VoteChoice.Agree, null, TestData.Minutes(2)));
    }

    [Fact]
    public void Cast_EarlyMajorityOfNine_DecidesWithFourMembersNotVoted()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(9).Build();

        foreach (int i in Enumerable.Range(1, 5))
        {
            round.Cast($"m{i}", VoteChoice.Agree, null, TestData.Minutes(i));
        }

        Assert.Equal(VoteRoundStatus.Passed, round.Status);
        Assert.Equal(4, round.MembersStillDue.Count);
        Assert.Empty(round.MembersToRemind(TestData.Minutes(10)));
    }

    [Theory]
    [InlineData(VoteChoice.Disagree, null)]
    [InlineData(VoteChoice.OtherOpinion, "  ")]
    public void Cast_NotAgreeingWithoutReason_Throws(VoteChoice choice, string? reason)
    {
        VoteRound round = new VoteRoundBuilder().Build();

        DomainException error = Assert.Throws<DomainException>(() => round.Cast("m1", choice, reason, TestData.Minutes(1)));

        Assert.Equal(RefusalCode.BallotReasonMissing, error.Code);
        Assert.Equal(choice.ToString(), error.Facts["choice"]);
        Assert.Empty(round.Ballots);
    }

    [Fact]
    public void Cast_ByNonMember_Throws()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(3).Build();

        Assert.Throws<DomainException>(() => round.Cast("m9", VoteChoice.Agree, null, TestData.Minutes(1)));
    }

    [Fact]
    public void Cast_AtDeadline_ThrowsEvenBeforeExpiry()
    {
        VoteRound round = new VoteRoundBuilder().Build();

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(
            () => round.Cast("m1", VoteChoice.Agree, null, VoteRoundBuilder.Deadline));

        Assert.Contains("deadline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplaceMember_AgreeingMemberReplacedByDissenter_ChangesOutcomeFromPassToFail()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(3).Build();
        round.Cast("m1", VoteChoice.Agree, null, TestData.Minutes(1));
        round.Cast("m2", VoteChoice.Disagree, "Chưa đồng ý.", TestData.Minutes(2));

        MemberReplaced replaced = round.ReplaceMember("m1", CommitteeBuilder.Newcomer(), "van-phong", TestData.Minutes(3));
        round.Cast("m3", VoteChoice.Agree, null, TestData.Minutes(4));
        VoteRoundStatus status = round.Cast("m-new", VoteChoice.Disagree, "Cần sửa.", TestData.Minutes(5));

        Assert.Equal(VoteRoundStatus.Failed, status);
        Assert.Equal(VoteChoice.Agree, replaced.RemovedBallot!.Choice);
        Assert.Equal(VoteRoundStatus.Open, replaced.StatusAfter);
        Assert.DoesNotContain(round.Members, m => m.MemberId == "m1");
        Assert.Contains("Ủy viên 1", replaced.Description, StringComparison.Ordinal);
        Assert.Equal(2, round.FailureReasons.Count);
    }

    [Fact]
    public void ReplaceMember_WhoHadNotVoted_KeepsBallotsAndLetsNewMemberDecide()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(3).Build();
        round.Cast("m1", VoteChoice.Agree, null, TestData.Minutes(1));

        MemberReplaced replaced = round.ReplaceMember("m3", CommitteeBuilder.Newcomer(), "van-phong", TestData.Minutes(2));
        VoteRoundStatus status = round.Cast("m-new", VoteChoice.Agree, null, TestData.Minutes(3));

        Assert.Null(replaced.RemovedBallot);
        Assert.Equal(VoteRoundStatus.Passed, status);
    }

    [Fact]
    public void ReplaceMember_AfterDecision_Throws()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(1).Build();
        round.Cast("m1", VoteChoice.Agree, null, TestData.Minutes(1));

        Assert.Throws<InvalidTransitionException>(() => round.ReplaceMember("m1", CommitteeBuilder.Newcomer(), "van-phong", TestData.Minutes(2)));
    }

    [Fact]
    public void ExpireIfDue_DeadlinePassedUndecided_AwaitsExtensionOrMeeting()
    {
        VoteRound round = new VoteRoundBuilder().Build();
        round.Cast("m1", VoteChoice.Agree, null, TestData.Minutes(1));

        bool early = round.ExpireIfDue(VoteRoundBuilder.Deadline.AddTicks(-1));
        bool expired = round.ExpireIfDue(VoteRoundBuilder.Deadline);

        Assert.False(early);
        Assert.True(expired);
        Assert.Equal(VoteRoundStatus.ExpiredUndecided, round.Status);
        Assert.Throws<InvalidTransitionException>(() => round.Cast("m2", VoteChoice.Agree, null, TestData.Minutes(2)));
    }

    [Fact]
    public void ExtendDeadline_ExpiredRound_ReopensUntilNewDeadline()
    {
        VoteRound round = new VoteRoundBuilder().Build();
        round.ExpireIfDue(VoteRoundBuilder.Deadline);
        DateTimeOffset newDeadline = VoteRoundBuilder.Deadline.AddDays(2);

        round.ExtendDeadline(newDeadline, "van-phong", VoteRoundBuilder.Deadline.AddHours(1));
        round.Cast("m1", VoteChoice.Agree, null, VoteRoundBuilder.Deadline.AddHours(2));

        Assert.Equal(VoteRoundStatus.Open, round.Status);
        Assert.Equal(newDeadline, round.Deadline);
        Assert.Single(round.Extensions);
    }

    [Fact]
    public void ExtendDeadline_ToEarlierDeadline_Throws()
    {
        VoteRound round = new VoteRoundBuilder().Build();

        Assert.Throws<DomainException>(() => round.ExtendDeadline(VoteRoundBuilder.Deadline.AddHours(-1), "van-phong", TestData.Minutes(1)));

        Assert.Equal(VoteRoundBuilder.Deadline, round.Deadline);
    }

    [Fact]
    public void ExtendDeadline_DecidedRound_ThrowsNamingState()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(1).Build();
        round.Cast("m1", VoteChoice.Disagree, "Không.", TestData.Minutes(1));

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(
            () => round.ExtendDeadline(VoteRoundBuilder.Deadline.AddDays(1), "van-phong", TestData.Minutes(2)));

        Assert.Equal("Cannot extend the deadline: vote round is Failed.", error.Message);
    }

    [Fact]
    public void RecordInPersonResult_ExpiredRound_DecidesByMeeting()
    {
        VoteRound round = new VoteRoundBuilder().Build();
        round.Cast("m1", VoteChoice.Disagree, "Chưa rõ.", TestData.Minutes(1));
        round.ExpireIfDue(VoteRoundBuilder.Deadline);
        InPersonResult meeting = new(true, TestData.Hash("bien-ban"), new DateOnly(2026, 3, 6), [], "van-phong", VoteRoundBuilder.Deadline.AddDays(1));

        round.RecordInPersonResult(meeting, new MeetingVotes(4, 1, 0));

        Assert.Equal(VoteRoundStatus.Passed, round.Status);
        Assert.Equal(DecisionSource.InPersonMeeting, round.DecidedBy);
        Assert.Equal(meeting, round.InPersonResult);
    }

    [Fact]
    public void DecidedOn_InPersonResult_IsMeetingDate()
    {
        VoteRound round = new VoteRoundBuilder().Build();
        round.ExpireIfDue(VoteRoundBuilder.Deadline);

        round.RecordInPersonResult(new(true, TestData.Hash("bien-ban"), new DateOnly(2026, 3, 6), [], "van-phong", VoteRoundBuilder.Deadline.AddDays(3)),
            new MeetingVotes(5, 0, 0));

        Assert.Equal(new DateOnly(2026, 3, 6), round.DecidedOn);
    }

    [Fact]
    public void DecidedOn_DecidingBallotLateEvening_IsVietnamDay()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(1).Build();
        Assert.Null(round.DecidedOn);

        round.Cast("m1", VoteChoice.Agree, null, new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 3), round.DecidedOn);
    }

    [Fact]
    public void RecordInPersonResult_FailedWithoutReasons_Throws()
    {
        VoteRound round = new VoteRoundBuilder().Build();
        InPersonResult meeting = new(false, TestData.Hash("bien-ban"), new DateOnly(2026, 3, 2), [" "], "van-phong", TestData.Minutes(5));

        DomainException error = Assert.Throws<DomainException>(() => round.RecordInPersonResult(meeting, new MeetingVotes(2, 3, 0)));

        Assert.Equal(RefusalCode.InPersonFailureWithoutReasons, error.Code);
        Assert.Equal(VoteRoundStatus.Open, round.Status);
    }

    [Theory]
    [InlineData(3)] // the day after it is recorded (2 March, Vietnam time)
    [InlineData(1)] // the day before the round opened
    public void RecordInPersonResult_MeetingOutsideTheRound_RefusedWithCode(int meetingDayOfMarch)
    {
        VoteRound round = new VoteRoundBuilder().Build();
        InPersonResult meeting = new(true, TestData.Hash("bien-ban"), new DateOnly(2026, 3, meetingDayOfMarch), [], "van-phong", TestData.Minutes(5));

        DomainException error = Assert.Throws<DomainException>(() => round.RecordInPersonResult(meeting, new MeetingVotes(4, 0, 0)));

        Assert.Equal(RefusalCode.MeetingDateOutsideRound, error.Code);
        Assert.Equal("2026-03-02", error.Facts["openedOn"]);
        Assert.Equal("2026-03-02", error.Facts["today"]);
        Assert.Equal(Iso(meeting.MeetingDate), error.Facts["meetingDate"]);
        Assert.Equal(VoteRoundStatus.Open, round.Status);
    }

    [Fact]
    public void RecordInPersonResult_MeetingOnTheVietnamDayItIsRecorded_Decides()
    {
        VoteRound round = new VoteRoundBuilder().Build();

        // 17:30Z on 3 March is 00:30 on 4 March in Vietnam.
        round.RecordInPersonResult(new(true, TestData.Hash("bien-ban"), new DateOnly(2026, 3, 4), [], "van-phong",
            new DateTimeOffset(2026, 3, 3, 17, 30, 0, TimeSpan.Zero)), new MeetingVotes(4, 0, 0));

        Assert.Equal(VoteRoundStatus.Passed, round.Status);
    }

    [Fact]
    public void RecordInPersonResult_MoreVotesThanMembers_RefusedWithCode()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(5).Build();
        InPersonResult meeting = new(false, TestData.Hash("bien-ban"), new DateOnly(2026, 3, 2), ["Biên bản."], "van-phong", TestData.Minutes(5));

        DomainException error = Assert.Throws<DomainException>(() => round.RecordInPersonResult(meeting, new MeetingVotes(2, 3, 1)));

        Assert.Equal(RefusalCode.MeetingVotesExceedMembers, error.Code);
        Assert.Equal("6", error.Facts["votes"]);
        Assert.Equal("5", error.Facts["members"]);
    }

    [Theory]
    [InlineData(true, 2)] // passed with 2 of 5 agreeing
    [InlineData(false, 3)] // failed with 3 of 5 agreeing
    public void RecordInPersonResult_ResultTheVotesContradict_RefusedWithCode(bool passed, int agrees)
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(5).Build();
        InPersonResult meeting = new(passed, TestData.Hash("bien-ban"), new DateOnly(2026, 3, 2), passed ? [] : ["Biên bản."], "van-phong", TestData.Minutes(5));

        DomainException error = Assert.Throws<DomainException>(() => round.RecordInPersonResult(meeting, new MeetingVotes(agrees, 5 - agrees, 0)));

        Assert.Equal(RefusalCode.MeetingResultContradictsVotes, error.Code);
        Assert.Equal("3", error.Facts["required"]);
        Assert.Equal(agrees.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Facts["agrees"]);
        Assert.Equal(DecisionRule.MajorityOfAllMembers.Code, error.Facts["rule"]);
        Assert.Equal(VoteRoundStatus.Open, round.Status);
    }

    [Fact]
    public void RecordInPersonResult_DecidedRound_ThrowsNamingStateBeforeCheckingTheMeeting()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(1).Build();
        round.Cast("m1", VoteChoice.Agree, null, TestData.Minutes(1));

        Assert.Throws<InvalidTransitionException>(() => round.RecordInPersonResult(
            new(true, TestData.Hash("bien-ban"), new DateOnly(2030, 1, 1), [], "van-phong", TestData.Minutes(5)), new MeetingVotes(9, 0, 0)));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void FailureReasons_FailedByBallots_ListsDisagreeAndOtherOpinionReasons()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(3).Build();
        round.Cast("m1", VoteChoice.Agree, "Tốt.", TestData.Minutes(1));
        round.Cast("m2", VoteChoice.Disagree, "Thiếu quy định về chế độ báo cáo.", TestData.Minutes(2));

        round.Cast("m3", VoteChoice.OtherOpinion, "Nên lấy thêm ý kiến.", TestData.Minutes(3));

        Assert.Equal(
            ["Ủy viên 2 (Không đồng ý): Thiếu quy định về chế độ báo cáo.", "Ủy viên 3 (Ý kiến khác): Nên lấy thêm ý kiến."],
            round.FailureReasons);
    }

    [Fact]
    public void MembersToRemind_OpenRound_ListsThoseStillDue()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(4).Build();
        round.Cast("m2", VoteChoice.Agree, null, TestData.Minutes(1));

        IReadOnlyList<CommitteeMember> due = round.MembersToRemind(TestData.Minutes(2));
        IReadOnlyList<CommitteeMember> afterDeadline = round.MembersToRemind(VoteRoundBuilder.Deadline);

        Assert.Equal(["m1", "m3", "m4"], due.Select(m => m.MemberId));
        Assert.Empty(afterDeadline);
    }

    [Fact]
    public void Cast_SameBallotAgainAfterDecision_IsNoOp()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(3).Build();
        round.Cast("m1", VoteChoice.Agree, null, TestData.Minutes(1));
        round.Cast("m2", VoteChoice.Agree, null, TestData.Minutes(2));

        VoteRoundStatus status = round.Cast("m2", VoteChoice.Agree, " ", TestData.Minutes(3));

        Assert.Equal(VoteRoundStatus.Passed, status);
        Assert.Equal(TestData.Minutes(2), round.Ballots.Single(b => b.MemberId == "m2").CastAt);
        Assert.Throws<InvalidTransitionException>(() => round.Cast("m2", VoteChoice.Disagree, "Đổi ý.", TestData.Minutes(4)));
    }
}
