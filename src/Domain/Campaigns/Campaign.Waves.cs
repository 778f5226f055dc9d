using System.Globalization;
using QuyCheWorkflow.Domain.Calendar;

namespace QuyCheWorkflow.Domain.Campaigns;

public sealed partial record Campaign
{
    /// <summary>
    /// The campaign's mail waves with <paramref name="after"/> &lt; instant ≤ <paramref name="until"/>, ascending:
    /// <list type="bullet">
    /// <item>a reminder for each of <see cref="ReminderDaysBefore"/>: that many calendar days before the deadline, moved to the
    /// previous working day when it is not one, at 08:00 Vietnam time; only those after the start (a short campaign gets
    /// fewer) and one per day (offsets falling on the same working day make one wave, named after the largest);</item>
    /// <item>once late, an overdue notice each week: the first working day after the deadline, then every 7 days (each moved
    /// to the next working day), at 08:00 Vietnam time, up to <see cref="EndsOn"/> when there is one.</item>
    /// </list>
    /// None after the campaign was closed. Deterministic for a given campaign and calendar, so an orchestration may call it
    /// on replay.
    /// </summary>
    public IReadOnlyList<CampaignWave> WavesBetween(DateTimeOffset after, DateTimeOffset until, PublicHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        DateTimeOffset last = ClosedAt is { } closed && closed < until ? closed : until;
        List<CampaignWave> waves = [];
        HashSet<DateOnly> reminderDays = [];
        foreach (int days in ReminderDaysBefore.OrderDescending())
        {
            DateOnly day = calendar.Shift(Deadline.AddDays(-days), NonWorkingDayShift.PreviousWorkingDay);
            DateTimeOffset at = VietnamTime.ToInstant(day, VietnamTime.MorningReminderTime);
            if (at > StartedAt && reminderDays.Add(day) && at > after && at <= last)
            {
                waves.Add(new CampaignWave(string.Create(CultureInfo.InvariantCulture, $"before-{days}"), CampaignWaveKind.Reminder, at, days, 0));
            }
        }

        for (int week = 1; ; week++)
        {
            DateOnly day = calendar.Shift(Deadline.AddDays(1 + (7 * (week - 1))), NonWorkingDayShift.NextWorkingDay);
            DateTimeOffset at = VietnamTime.ToInstant(day, VietnamTime.MorningReminderTime);
            if (at > last || (EndsOn is { } end && day > end))
            {
                break;
            }

            if (at > after && at > StartedAt)
            {
                waves.Add(new CampaignWave(string.Create(CultureInfo.InvariantCulture, $"overdue-{week}"), CampaignWaveKind.Overdue, at, 0, week));
            }
        }

        return [.. waves.OrderBy(w => w.At)];
    }

    /// <summary>
    /// The first wave after <paramref name="after"/>, or null when there is none to come (closed, or past the end date).
    /// An open campaign without an end date always has a next overdue wave.
    /// </summary>
    public CampaignWave? NextWaveAfter(DateTimeOffset after, PublicHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (State == CampaignState.Closed)
        {
            return null;
        }

        // Every wave lies within the reminders' span before the deadline or a week past the latest of after and the deadline.
        DateTimeOffset deadlineInstant = VietnamTime.ToInstant(Deadline, TimeOnly.MinValue);
        DateTimeOffset horizon = (after > deadlineInstant ? after : deadlineInstant).AddDays(21);
        var waves = WavesBetween(after, horizon, calendar);
        return waves.Count == 0 ? null : waves[0];
    }
}
