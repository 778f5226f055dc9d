namespace QuyCheWorkflow.Domain.Calendar;

/// <summary>
/// When to remind people who still owe an answer before a deadline (a consultation round's or a vote
/// round's): at <see cref="ReminderTime"/> Vietnam time, <see cref="WorkingDaysBefore"/> working days before
/// the deadline's Vietnam date (default 2 and 0: two working days before, and the morning of the deadline
/// day). A deadline day that is not a working day sends its "day 0" reminder on the previous working day.
/// Only instants strictly after the opening and strictly before the deadline are kept, so a short round
/// gets fewer reminders and none arrives once answers are refused. Who is reminded is the stage object's
/// business (<c>RecipientsToRemind</c>, <c>MembersToRemind</c>).
/// </summary>
public sealed record DeadlineReminderPolicy
{
    private readonly IReadOnlyList<int> _workingDaysBefore = [2, 0];

    public static DeadlineReminderPolicy Default { get; } = new();

    /// <summary>Working days before the deadline date; 0 is the deadline day itself. Non-negative.</summary>
    public IReadOnlyList<int> WorkingDaysBefore
    {
        get => _workingDaysBefore;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _workingDaysBefore = value.All(d => d >= 0)
                ? [.. value]
                : throw new ArgumentOutOfRangeException(nameof(value), "Reminder offsets are working days before the deadline (≥ 0).");
        }
    }

    public TimeOnly ReminderTime { get; init; } = VietnamTime.MorningReminderTime;

    /// <summary>The reminder instants (UTC, ascending, distinct) for a round open from <paramref name="openedAt"/> to <paramref name="deadline"/>.</summary>
    public IReadOnlyList<DateTimeOffset> Schedule(DateTimeOffset openedAt, DateTimeOffset deadline, PublicHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        DateOnly deadlineDay = VietnamTime.DateOf(deadline);
        return [.. WorkingDaysBefore
            .Select(days => days == 0
                ? calendar.Shift(deadlineDay, NonWorkingDayShift.PreviousWorkingDay)
                : calendar.AddWorkingDays(deadlineDay, -days))
            .Distinct()
            .Order()
            .Select(day => VietnamTime.ToInstant(day, ReminderTime))
            .Where(instant => instant > openedAt && instant < deadline)];
    }
}
