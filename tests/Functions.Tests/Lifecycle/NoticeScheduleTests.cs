using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Lifecycle.Orchestrations;
using QuyCheWorkflow.Functions.Tests.State;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

public sealed class NoticeScheduleTests
{
    /// <summary>Monday 7 December 2026, 09:00 Vietnam time.</summary>
    private static readonly DateTimeOffset s_monday = Vn(2026, 12, 7, 9);

    private static DateTimeOffset Vn(int year, int month, int day, int hour) => new(year, month, day, hour - 7, 0, 0, TimeSpan.Zero);

    private static Organisation Organisation(string id, string? parentId, bool withOffice = true) =>
        StateTestData.Organisation(id, parentId, committeeSize: 5) with { OfficeEmail = withOffice ? $"vanphong@{id}.example.vn" : null };

    [Fact]
    public void ForVote_OpenRound_RemindsMembersStillDueThenTellsSecretaryAndOfficeAtTheDeadline()
    {
        FakeTimeProvider clock = new(s_monday);
        var organisation = Organisation("du-stc", "duk");
        var deadline = Vn(2026, 12, 11, 17);
        VoteRound round = new("vote-1", "qc-1", 1, organisation.Committee, DecisionRule.MajorityOfAllMembers, clock.GetUtcNow(), deadline);
        clock.Advance(TimeSpan.FromHours(2));
        round.Cast("m2", VoteChoice.Agree, null, clock.GetUtcNow());

        var plan = NoticeSchedule.ForVote(round, organisation, PublicHolidayCalendar.Empty);

        string[] stillDue = ["Nguyễn Thị Ánh 1", "Nguyễn Thị Ánh 3", "Nguyễn Thị Ánh 4", "Nguyễn Thị Ánh 5"];
        Assert.Equal(
            [(NoticeKind.VoteReminder, Vn(2026, 12, 9, 8)), (NoticeKind.VoteReminder, Vn(2026, 12, 11, 8)), (NoticeKind.VoteDeadlinePassed, deadline)],
            plan.Select(n => (n.Kind, n.At)));
        Assert.Equal(stillDue, plan[0].To);
        Assert.Equal(stillDue, plan[1].To);
        Assert.Equal(["Nguyễn Thị Ánh 1", "Văn phòng " + organisation.Name], plan[2].To);
        Assert.Equal(Vn(2026, 12, 9, 8), plan.First(n => n.At > clock.GetUtcNow()).At);
    }

    [Fact]
    public void ForVote_DecidedRound_PlansNothing()
    {
        FakeTimeProvider clock = new(s_monday);
        var organisation = Organisation("du-stc", "duk");
        VoteRound round = new("vote-1", "qc-1", 1, organisation.Committee, DecisionRule.MajorityOfAllMembers, clock.GetUtcNow(), Vn(2026, 12, 11, 17));
        foreach (string member in (string[])["m1", "m2", "m3"])
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            round.Cast(member, VoteChoice.Agree, null, clock.GetUtcNow());
        }

        Assert.Empty(NoticeSchedule.ForVote(round, organisation, PublicHolidayCalendar.Empty));
    }

    [Fact]
    public void ForConsultation_HolidayBeforeDeadline_RemindsOnWorkingDaysOnlyThoseWhoHaveNotAnswered()
    {
        FakeTimeProvider clock = new(s_monday);
        var calendar = new PublicHolidayCalendar([new DateOnly(2026, 12, 10)]);
        ConsultationRound round = new("cons-1", "qc-1", 1, ["r1", "r2", "r3"], clock.GetUtcNow(), Vn(2026, 12, 14, 17));
        clock.Advance(TimeSpan.FromHours(1));
        round.AnswerAgree("r2", clock.GetUtcNow());
        Dictionary<string, string> names = new(StringComparer.Ordinal) { ["r1"] = "Chi bộ Phòng Kế toán", ["r2"] = "Chi bộ Văn phòng" };

        var plan = NoticeSchedule.ForConsultation(round, names, calendar);

        // Two working days before Monday 14 skip the holiday on Thursday 10: Wednesday 9. The unknown name shows its id.
        Assert.Equal([Vn(2026, 12, 9, 8), Vn(2026, 12, 14, 8)], plan.Select(n => n.At));
        Assert.All(plan, n => Assert.Equal(NoticeKind.ConsultationReminder, n.Kind));
        Assert.All(plan, n => Assert.Equal(["Chi bộ Phòng Kế toán", "r3"], n.To));
    }

    [Fact]
    public void ForFiling_Unanswered_RemindsTheUpperLevelsOfficeEveryFiveWorkingDaysThenNothingOnceAcknowledged()
    {
        FakeTimeProvider clock = new(s_monday);
        var upperLevel = Organisation("duk", null);
        Filing filing = new("filing-1", "qc-1", "01-QC/ĐU", "duk", "van-phong", clock.GetUtcNow());

        var plan = NoticeSchedule.ForFiling(filing, upperLevel, PublicHolidayCalendar.Empty);

        Assert.Equal([Vn(2026, 12, 14, 8), Vn(2026, 12, 21, 8), Vn(2026, 12, 28, 8)], plan.Select(n => n.At));
        Assert.All(plan, n => Assert.Equal(["Văn phòng " + upperLevel.Name], n.To));
        clock.Advance(TimeSpan.FromDays(2));
        filing.Acknowledge("duk", clock.GetUtcNow());
        Assert.Empty(NoticeSchedule.ForFiling(filing, upperLevel, PublicHolidayCalendar.Empty));
    }

    [Fact]
    public void ForFiling_UpperLevelWithoutOfficeMailbox_NamesItsSecretary()
    {
        var upperLevel = Organisation("duk", null, withOffice: false);
        Filing filing = new("filing-1", "qc-1", "01-QC/ĐU", "duk", "van-phong", s_monday);

        var plan = NoticeSchedule.ForFiling(filing, upperLevel, PublicHolidayCalendar.Empty);

        Assert.All(plan, n => Assert.Equal(["Nguyễn Thị Ánh 1"], n.To));
    }

    [Fact]
    public void ForReview_DueOnASunday_RemindsOnWorkingDaysThenTellsTheOrganisationAndTheUpperLevel()
    {
        var organisation = Organisation("du-stc", "duk");
        var upperLevel = Organisation("duk", null);
        var due = new DateOnly(2027, 3, 14);

        var plan = NoticeSchedule.ForReview(ReviewSchedule.Default, due, organisation, upperLevel, PublicHolidayCalendar.Empty);

        string office = "Văn phòng " + organisation.Name;
        Assert.Equal(
            [
                (NoticeKind.ReviewReminder, Vn(2027, 2, 26, 8)),
                (NoticeKind.ReviewReminder, Vn(2027, 3, 11, 8)),
                (NoticeKind.ReviewReminder, Vn(2027, 3, 12, 8)),
                (NoticeKind.ReviewOverdueToOrganisation, Vn(2027, 3, 15, 8)),
                (NoticeKind.ReviewOverdueToUpperLevel, Vn(2027, 3, 29, 8)),
            ],
            plan.Select(n => (n.Kind, n.At)));
        Assert.Equal([.. organisation.Committee.Members.Select(m => m.FullName), office], plan[0].To);
        Assert.Equal(["Nguyễn Thị Ánh 1", office], plan[3].To);
        Assert.Equal(["Văn phòng " + upperLevel.Name], plan[4].To);
    }

    [Fact]
    public void ForReview_UpperLevelWithoutOfficeMailbox_LeavesOutItsNotice()
    {
        var plan = NoticeSchedule.ForReview(
            ReviewSchedule.Default, new DateOnly(2027, 3, 14), Organisation("du-stc", "duk"), Organisation("duk", null, withOffice: false), PublicHolidayCalendar.Empty);

        Assert.DoesNotContain(plan, n => n.Kind == NoticeKind.ReviewOverdueToUpperLevel);
        Assert.Contains(plan, n => n.Kind == NoticeKind.ReviewOverdueToOrganisation);
    }

    [Fact]
    public void ReadActivities_WaitForThePlannedInstants()
    {
        // The orchestrations wait for the instants their read activities return: those are the planner's.
        FakeTimeProvider clock = new(s_monday);
        var calendar = new PublicHolidayCalendar([new DateOnly(2026, 12, 10)]);
        var organisation = Organisation("du-stc", "duk");
        VoteRound vote = new("vote-1", "qc-1", 1, organisation.Committee, DecisionRule.MajorityOfAllMembers, clock.GetUtcNow(), Vn(2026, 12, 14, 17));
        ConsultationRound consultation = new("cons-1", "qc-1", 1, ["r1"], clock.GetUtcNow(), Vn(2026, 12, 14, 17));

        var voteView = ReadVoteRoundActivity.View(vote.ToState(), calendar);
        var consultationView = ReadConsultationRoundActivity.View(consultation.ToState(), calendar);

        Assert.Equal(NoticeSchedule.ForVote(vote, organisation, calendar).Where(n => n.Kind == NoticeKind.VoteReminder).Select(n => n.At), voteView.Reminders);
        Assert.Equal(
            NoticeSchedule.ForVote(vote, organisation, calendar).Single(n => n.Kind == NoticeKind.VoteDeadlinePassed).At, voteView.Deadline);
        Assert.Equal(
            NoticeSchedule.ForConsultation(consultation, new Dictionary<string, string>(), calendar).Select(n => n.At), consultationView.Reminders);
        Assert.Equal([Vn(2026, 12, 9, 8), Vn(2026, 12, 14, 8)], voteView.Reminders);
    }

}
