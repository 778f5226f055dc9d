using QuyCheWorkflow.Domain.Calendar;

namespace QuyCheWorkflow.Domain.Filings;

/// <summary>
/// When to remind the upper-level office of a filing it has not acknowledged: at
/// <see cref="ReminderTime"/> Vietnam time on the <see cref="FirstAfterWorkingDays"/>-th working day after the
/// day it was sent, then every <see cref="IntervalWorkingDays"/> working days, at most
/// <see cref="MaxReminders"/> times. Counting in working days means no reminder falls on a weekend or holiday.
/// </summary>
public sealed record FilingReminderPolicy
{
    private readonly int _firstAfterWorkingDays = 5;
    private readonly int _intervalWorkingDays = 5;
    private readonly int _maxReminders = 3;

    public static FilingReminderPolicy Default { get; } = new();

    public int FirstAfterWorkingDays
    {
        get => _firstAfterWorkingDays;
        init => _firstAfterWorkingDays = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public int IntervalWorkingDays
    {
        get => _intervalWorkingDays;
        init => _intervalWorkingDays = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public int MaxReminders
    {
        get => _maxReminders;
        init => _maxReminders = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public TimeOnly ReminderTime { get; init; } = VietnamTime.MorningReminderTime;

    /// <summary>
    /// The reminder instants (UTC) for <paramref name="filing"/>; empty once it is acknowledged or returned.
    /// The app sends those not yet sent whose time has come.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Schedule(Filing filing, PublicHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(filing);
        ArgumentNullException.ThrowIfNull(calendar);
        if (filing.Status != FilingStatus.Sent)
        {
            return [];
        }

        DateOnly sentOn = VietnamTime.DateOf(filing.SentAt);
        return [.. Enumerable.Range(0, MaxReminders)
            .Select(i => calendar.AddWorkingDays(sentOn, FirstAfterWorkingDays + (i * IntervalWorkingDays)))
            .Select(day => VietnamTime.ToInstant(day, ReminderTime))];
    }
}
