using NCrontab;

namespace QuyCheWorkflow.Functions.Scheduling;

/// <summary>
/// A six-field NCRONTAB schedule, <c>{second} {minute} {hour} {day} {month} {day-of-week}</c>, read by NCrontab as
/// the Azure Functions host reads a timer trigger's schedule, so a schedule means here what it means there. What is
/// ours: seconds are required (a five-field expression is refused), and occurrences are evaluated on the wall clock
/// of a time zone with a stated rule for daylight-saving jumps. Immutable and thread-safe.
/// </summary>
public sealed class NCrontabSchedule
{
    private static readonly CrontabSchedule.ParseOptions s_withSeconds = new() { IncludingSeconds = true };

    // A Feb 29 that must also be a given weekday recurs within 28 years; nothing valid takes longer.
    private static readonly TimeSpan s_horizon = TimeSpan.FromDays(366 * 29);

    private readonly CrontabSchedule _schedule;

    private NCrontabSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Parses a six-field NCRONTAB expression.</summary>
    /// <exception cref="FormatException">The expression is not a valid six-field NCRONTAB schedule; the message says why.</exception>
    public static NCrontabSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        try
        {
            return new NCrontabSchedule(expression, CrontabSchedule.Parse(expression, s_withSeconds));
        }
        catch (CrontabException exception)
        {
            throw new FormatException($"'{expression}' is not a valid six-field NCRONTAB schedule: {exception.Message}", exception);
        }
    }

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
        var wallTime = TimeZoneInfo.ConvertTime(after, timeZone).DateTime;

        // One tick past a whole second can never be an occurrence, so reaching it means none came before.
        var end = wallTime + s_horizon + TimeSpan.FromTicks(1);
        while (true)
        {
            wallTime = _schedule.GetNextOccurrence(wallTime, end);
            if (wallTime >= end)
            {
                throw new InvalidOperationException($"The schedule '{Expression}' never occurs.");
            }

            if (ToInstant(wallTime, timeZone) is { } instant && instant > after)
            {
                return instant;
            }
        }
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
