namespace QuyCheWorkflow.Domain.Calendar;

/// <summary>
/// Working-day arithmetic for Vietnam: Saturday and Sunday are never working days, and neither are the
/// configured public holidays. Holidays are configuration (Tết moves every year; compensating days are
/// decreed yearly), never rules in code: build the calendar from the dates or ranges the app reads from its
/// settings, e.g. Tết 2027 = 2027-02-05..2027-02-11. Immutable and thread-safe.
/// </summary>
public sealed class PublicHolidayCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public PublicHolidayCalendar(IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = [.. holidays];
    }

    /// <summary>A calendar with weekends only.</summary>
    public static PublicHolidayCalendar Empty { get; } = new([]);

    /// <summary>The configured holidays, in date order.</summary>
    public IReadOnlyList<DateOnly> Holidays => [.. _holidays.Order()];

    /// <summary>A calendar holding every day of each inclusive range.</summary>
    /// <exception cref="ArgumentException">A range ends before it starts.</exception>
    public static PublicHolidayCalendar FromRanges(IEnumerable<(DateOnly First, DateOnly Last)> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        List<DateOnly> days = [];
        foreach ((DateOnly first, DateOnly last) in ranges)
        {
            if (last < first)
            {
                throw new ArgumentException($"Holiday range {first:yyyy-MM-dd}..{last:yyyy-MM-dd} ends before it starts.", nameof(ranges));
            }

            for (DateOnly day = first; day <= last; day = day.AddDays(1))
            {
                days.Add(day);
            }
        }

        return new PublicHolidayCalendar(days);
    }

    /// <summary>This calendar plus the days of <paramref name="first"/>..<paramref name="last"/>.</summary>
    public PublicHolidayCalendar WithRange(DateOnly first, DateOnly last)
        => new(_holidays.Concat(FromRanges([(first, last)])._holidays));

    public bool IsHoliday(DateOnly date) => _holidays.Contains(date);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>True unless <paramref name="date"/> is a Saturday, Sunday or configured holiday.</summary>
    public bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && !IsHoliday(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        DateOnly day = date.AddDays(1);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date)
    {
        DateOnly day = date.AddDays(-1);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>
    /// Counts <paramref name="workingDays"/> working days from <paramref name="date"/>, not counting
    /// <paramref name="date"/> itself: +1 from a Friday is the next Monday (if not a holiday); 0 returns
    /// <paramref name="date"/> unchanged even when it is not a working day; a negative count goes backwards.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        DateOnly day = date;
        for (int i = 0; i < Math.Abs(workingDays); i++)
        {
            day = workingDays > 0 ? NextWorkingDay(day) : PreviousWorkingDay(day);
        }

        return day;
    }

    /// <summary>Number of working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        int count = 0;
        for (DateOnly day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Applies <paramref name="shift"/> to <paramref name="date"/> if it is not a working day.</summary>
    public DateOnly Shift(DateOnly date, NonWorkingDayShift shift) => IsWorkingDay(date)
        ? date
        : shift switch
        {
            NonWorkingDayShift.PreviousWorkingDay => PreviousWorkingDay(date),
            NonWorkingDayShift.NextWorkingDay => NextWorkingDay(date),
            NonWorkingDayShift.Keep => date,
            _ => throw new ArgumentOutOfRangeException(nameof(shift), shift, null),
        };
}
