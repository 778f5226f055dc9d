namespace QuyCheWorkflow.Domain.Tests;

public sealed class ReviewScheduleTests
{
    [Theory]
    [InlineData(6, "2026-03-16", null, "2026-09-16")]
    [InlineData(3, "2026-03-16", null, "2026-06-16")]
    [InlineData(12, "2026-03-16", null, "2027-03-16")]
    [InlineData(6, "2026-03-16", "2026-09-20", "2027-03-20")]
    [InlineData(6, "2026-08-31", null, "2027-02-28")]
    public void NextDueDate_FromIssueOrLastReview_AddsCadenceMonths(int months, string issued, string? lastReview, string expected)
    {
        ReviewSchedule schedule = new() { CadenceMonths = months };

        DateOnly due = schedule.NextDueDate(Date(issued), lastReview is null ? null : Date(lastReview));

        Assert.Equal(Date(expected), due);
    }

    [Fact]
    public void ReminderInstants_OrdinaryWeekdays_AreAt0100ZOnLocalDays()
    {
        DateOnly due = new(2026, 11, 9);

        IReadOnlyList<DateTimeOffset> reminders = ReviewSchedule.Default.ReminderInstants(due, PublicHolidayCalendar.Empty);

        Assert.Equal(
            [
                new DateTimeOffset(2026, 10, 26, 1, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 11, 6, 1, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 11, 9, 1, 0, 0, TimeSpan.Zero),
            ],
            reminders);
        Assert.All(reminders, r => Assert.Equal(TimeSpan.Zero, r.Offset));
        Assert.All(reminders, r => Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(VietnamTime.ToLocal(r).DateTime)));
    }

    [Fact]
    public void ReminderInstants_ReminderDayOnWeekend_MovesToPreviousFriday()
    {
        DateOnly due = new(2026, 9, 8);

        IReadOnlyList<DateTimeOffset> reminders = ReviewSchedule.Default.ReminderInstants(due, PublicHolidayCalendar.Empty);

        Assert.Equal(
            [
                new DateTimeOffset(2026, 8, 25, 1, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 9, 4, 1, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 9, 8, 1, 0, 0, TimeSpan.Zero),
            ],
            reminders);
    }

    [Fact]
    public void ReminderInstants_DueDateInsideTet_MovesToLastWorkingDayBeforeTetOnce()
    {
        DateOnly due = new(2027, 2, 10);

        IReadOnlyList<DateTimeOffset> reminders = ReviewSchedule.Default.ReminderInstants(due, Calendars.Tet2027);

        Assert.Equal(
            [
                new DateTimeOffset(2027, 1, 27, 1, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 2, 4, 1, 0, 0, TimeSpan.Zero),
            ],
            reminders);
    }

    [Fact]
    public void ReminderInstants_DueInsideTetWithNextDayShift_MovesToFirstWorkingDayAfterTet()
    {
        ReviewSchedule schedule = new() { NonWorkingDayShift = NonWorkingDayShift.NextWorkingDay };
        DateOnly due = new(2027, 2, 10);

        IReadOnlyList<DateTimeOffset> reminders = schedule.ReminderInstants(due, Calendars.Tet2027);

        Assert.Equal(
            [
                new DateTimeOffset(2027, 1, 27, 1, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 2, 12, 1, 0, 0, TimeSpan.Zero),
            ],
            reminders);
    }

    [Fact]
    public void ReminderInstants_KeepShift_SendsOnTheHolidayItself()
    {
        ReviewSchedule schedule = new() { NonWorkingDayShift = NonWorkingDayShift.Keep, ReminderDaysBefore = [0] };

        IReadOnlyList<DateTimeOffset> reminders = schedule.ReminderInstants(new DateOnly(2027, 2, 10), Calendars.Tet2027);

        Assert.Equal([new DateTimeOffset(2027, 2, 10, 1, 0, 0, TimeSpan.Zero)], reminders);
    }

    [Fact]
    public void ReminderInstants_OnDueDay_FallsOnSameDateInVietnamAndUtc()
    {
        DateOnly due = new(2026, 11, 9);

        IReadOnlyList<DateTimeOffset> reminders = ReviewSchedule.Default.ReminderInstants(due, PublicHolidayCalendar.Empty);

        Assert.Equal(due, VietnamTime.DateOf(reminders[^1]));
        Assert.Equal(due, DateOnly.FromDateTime(reminders[^1].UtcDateTime));
    }

    [Fact]
    public void CadenceMonths_Zero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReviewSchedule { CadenceMonths = 0 });
    }

    private static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
