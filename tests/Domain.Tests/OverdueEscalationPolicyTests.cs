namespace QuyCheWorkflow.Domain.Tests;

public sealed class OverdueEscalationPolicyTests
{
    [Fact]
    public void Notices_DueOnFriday_OrganisationOnMondayUpperLevelAfterGrace()
    {
        DateOnly due = new(2026, 10, 23);

        IReadOnlyList<OverdueNotice> notices = OverdueEscalationPolicy.Default.Notices(due, PublicHolidayCalendar.Empty);

        Assert.Equal(
            [
                new OverdueNotice(OverdueAudience.Organisation, new DateTimeOffset(2026, 10, 26, 1, 0, 0, TimeSpan.Zero)),
                new OverdueNotice(OverdueAudience.UpperLevel, new DateTimeOffset(2026, 11, 6, 1, 0, 0, TimeSpan.Zero)),
            ],
            notices);
    }

    [Fact]
    public void Notices_GraceEndingInTet_UpperLevelToldAfterTet()
    {
        OverdueEscalationPolicy policy = new() { GraceDays = 7 };
        DateOnly due = new(2027, 2, 1);

        IReadOnlyList<OverdueNotice> notices = policy.Notices(due, Calendars.Tet2027);

        Assert.Equal(new DateTimeOffset(2027, 2, 2, 1, 0, 0, TimeSpan.Zero), notices[0].At);
        Assert.Equal(new DateTimeOffset(2027, 2, 12, 1, 0, 0, TimeSpan.Zero), notices[1].At);
    }

    [Fact]
    public void IsOverdue_LateEveningUtcOfDueDate_IsAlreadyNextDayInVietnam()
    {
        DateOnly due = new(2026, 10, 23);

        bool onDueDayVietnam = OverdueEscalationPolicy.IsOverdue(due, new DateTimeOffset(2026, 10, 23, 16, 59, 0, TimeSpan.Zero));
        bool nextDayVietnam = OverdueEscalationPolicy.IsOverdue(due, new DateTimeOffset(2026, 10, 23, 17, 0, 0, TimeSpan.Zero));

        Assert.False(onDueDayVietnam);
        Assert.True(nextDayVietnam);
    }
}
