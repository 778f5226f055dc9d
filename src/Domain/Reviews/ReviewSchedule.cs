using QuyCheWorkflow.Domain.Calendar;

namespace QuyCheWorkflow.Domain.Reviews;

/// <summary>
/// A regulation's review cadence and reminder plan. Rules:
/// <list type="bullet">
/// <item>The next review is due <see cref="CadenceMonths"/> calendar months (default 6; 3 and 12 are also
/// used) after the last review meeting, or after the issue date if there has been none. A month-end date
/// clamps (31 Aug + 6 months = 28/29 Feb). The due date itself is not moved off holidays: it is the date
/// the rules set, and overdue counts from it.</item>
/// <item>Reminders go <see cref="ReminderDaysBefore"/> days before the due date (default 14, 3 and 0 = on
/// the day), at <see cref="ReminderTime"/> Vietnam time (default 08:00 = 01:00Z).</item>
/// <item>A reminder day that is a weekend or public holiday is moved by <see cref="NonWorkingDayShift"/>
/// (default: to the previous working day, so it never arrives late); two reminders landing on the same
/// day are sent once.</item>
/// </list>
/// </summary>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record ReviewSchedule
{
    private readonly int _cadenceMonths = 6;
    private readonly IReadOnlyList<int> _reminderDaysBefore = [14, 3, 0];

    public static ReviewSchedule Default { get; } = new();

    /// <summary>Months between reviews, 1..24.</summary>
    public int CadenceMonths
    {
        get => _cadenceMonths;
        init => _cadenceMonths = value is >= 1 and <= 24 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A review cadence is 1 to 24 months.");
    }

    /// <summary>Days before the due date on which to remind; 0 means on the day. Non-negative.</summary>
    public IReadOnlyList<int> ReminderDaysBefore
    {
        get => _reminderDaysBefore;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _reminderDaysBefore = value.All(d => d >= 0)
                ? [.. value]
                : throw new ArgumentOutOfRangeException(nameof(value), "Reminder offsets are days before the due date (≥ 0).");
        }
    }

    /// <summary>Local (Vietnam) time of day of each reminder.</summary>
    public TimeOnly ReminderTime { get; init; } = VietnamTime.MorningReminderTime;

    /// <summary>Where a reminder on a non-working day goes.</summary>
    public NonWorkingDayShift NonWorkingDayShift { get; init; } = NonWorkingDayShift.PreviousWorkingDay;

    /// <summary>The due date of the next review.</summary>
    public DateOnly NextDueDate(DateOnly issueDate, DateOnly? lastReviewDate)
        => (lastReviewDate ?? issueDate).AddMonths(CadenceMonths);

    /// <summary>The reminder instants (UTC, ascending, distinct) for a review due on <paramref name="dueDate"/>.</summary>
    public IReadOnlyList<DateTimeOffset> ReminderInstants(DateOnly dueDate, PublicHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return [.. ReminderDaysBefore
            .Select(days => calendar.Shift(dueDate.AddDays(-days), NonWorkingDayShift))
            .Distinct()
            .Order()
            .Select(day => VietnamTime.ToInstant(day, ReminderTime))];
    }
}
