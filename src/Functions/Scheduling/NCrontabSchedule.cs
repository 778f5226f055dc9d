namespace QuyCheWorkflow.Functions.Scheduling;

/// <summary>
/// A six-field NCRONTAB schedule, <c>{second} {minute} {hour} {day} {month} {day-of-week}</c>, as Azure Functions
/// timer triggers use it. Each field takes <c>*</c>, a value, a range <c>a-b</c>, a step <c>*/n</c>, <c>a-b/n</c> or
/// <c>a/n</c> (from a to the field's end), or a comma list of those. Months take Jan–Dec and days of week Sun–Sat
/// (0 = Sunday … 6 = Saturday), names case-insensitive. As in NCrontab, a time matches only when day of month AND day
/// of week both match. Immutable and thread-safe.
/// </summary>
public sealed partial class NCrontabSchedule
{
    // A Feb 29 that must also be a given weekday recurs within 28 years; nothing valid takes longer.
    private const int MaxDaysAhead = 366 * 29;

    private readonly bool[] _seconds;
    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _days;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;

    private NCrontabSchedule(string expression, bool[][] fields)
    {
        Expression = expression;
        _seconds = fields[0];
        _minutes = fields[1];
        _hours = fields[2];
        _days = fields[3];
        _months = fields[4];
        _daysOfWeek = fields[5];
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    public override string ToString() => Expression;

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>, evaluating the schedule on the wall clock of
    /// <paramref name="timeZone"/>. A wall time skipped by a daylight-saving jump does not occur; a wall time
    /// repeated by one occurs once, at its first instant.
    /// </summary>
    /// <exception cref="InvalidOperationException">The schedule never occurs (e.g. 30 February).</exception>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = TimeZoneInfo.ConvertTime(after, timeZone).DateTime;
        var start = new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified).AddSeconds(1);
        var day = start.Date;
        var fromTimeOfDay = start.TimeOfDay;
        for (var i = 0; i < MaxDaysAhead; i++, day = day.AddDays(1), fromTimeOfDay = TimeSpan.Zero)
        {
            if (!_months[day.Month] || !_days[day.Day] || !_daysOfWeek[(int)day.DayOfWeek])
            {
                continue;
            }

            if (FirstInDay(day, fromTimeOfDay, after, timeZone) is { } occurrence)
            {
                return occurrence;
            }
        }

        throw new InvalidOperationException($"The schedule '{Expression}' never occurs.");
    }

    private DateTimeOffset? FirstInDay(DateTime day, TimeSpan from, DateTimeOffset after, TimeZoneInfo timeZone)
    {
        for (var hour = from.Hours; hour < 24; hour++)
        {
            if (!_hours[hour])
            {
                continue;
            }

            var firstMinute = hour == from.Hours ? from.Minutes : 0;
            for (var minute = firstMinute; minute < 60; minute++)
            {
                if (!_minutes[minute])
                {
                    continue;
                }

                var firstSecond = hour == from.Hours && minute == from.Minutes ? from.Seconds : 0;
                for (var second = firstSecond; second < 60; second++)
                {
                    if (_seconds[second] &&
                        ToInstant(day.AddHours(hour).AddMinutes(minute).AddSeconds(second), timeZone) is { } instant &&
                        instant > after)
                    {
                        return instant;
                    }
                }
            }
        }

        return null;
    }

    private static DateTimeOffset? ToInstant(DateTime wallTime, TimeZoneInfo timeZone)
    {
        if (timeZone.IsInvalidTime(wallTime))
        {
            return null;
        }

        var offset = timeZone.IsAmbiguousTime(wallTime)
            ? timeZone.GetAmbiguousTimeOffsets(wallTime).Max()
            : timeZone.GetUtcOffset(wallTime);
        return new DateTimeOffset(wallTime, offset);
    }
}
