namespace QuyCheWorkflow.Domain.Tests;

public sealed class DeadlineReminderPolicyTests
{
    [Fact]
    public void Schedule_DeadlineInsideTet_RemindsOnWorkingDaysBeforeTet()
    {
        DateTimeOffset opened = VietnamTime.ToInstant(new DateOnly(2027, 1, 28), new TimeOnly(14, 0));
        DateTimeOffset deadline = VietnamTime.ToInstant(new DateOnly(2027, 2, 8), new TimeOnly(17, 0));

        IReadOnlyList<DateTimeOffset> reminders = DeadlineReminderPolicy.Default.Schedule(opened, deadline, Calendars.Tet2027);

        Assert.Equal(
            [
                new DateTimeOffset(2027, 2, 3, 1, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2027, 2, 4, 1, 0, 0, TimeSpan.Zero),
            ],
            reminders);
    }

    [Fact]
    public void Schedule_DeadlineBeforeEightOnMonday_DropsSameDayReminderAndSkipsWeekend()
    {
        DateTimeOffset opened = VietnamTime.ToInstant(new DateOnly(2026, 11, 2), new TimeOnly(9, 0));
        DateTimeOffset deadline = VietnamTime.ToInstant(new DateOnly(2026, 11, 9), new TimeOnly(7, 30));

        IReadOnlyList<DateTimeOffset> reminders = DeadlineReminderPolicy.Default.Schedule(opened, deadline, PublicHolidayCalendar.Empty);

        Assert.Equal([new DateTimeOffset(2026, 11, 5, 1, 0, 0, TimeSpan.Zero)], reminders);
    }

    [Fact]
    public void Schedule_RoundOpenedAfterFirstReminderTime_KeepsOnlyLaterOnes()
    {
        DateTimeOffset opened = VietnamTime.ToInstant(new DateOnly(2026, 11, 5), new TimeOnly(10, 0));
        DateTimeOffset deadline = VietnamTime.ToInstant(new DateOnly(2026, 11, 9), new TimeOnly(17, 0));

        IReadOnlyList<DateTimeOffset> reminders = DeadlineReminderPolicy.Default.Schedule(opened, deadline, PublicHolidayCalendar.Empty);

        Assert.Equal([new DateTimeOffset(2026, 11, 9, 1, 0, 0, TimeSpan.Zero)], reminders);
    }
}
