using QuyCheWorkflow.Domain.Calendar;

namespace QuyCheWorkflow.Domain.Reviews;

/// <summary>
/// Escalation of a review not recorded by its due date: a notice to the organisation at
/// <see cref="NoticeTime"/> on the first working day after the due date, and, once
/// <see cref="GraceDays"/> calendar days have passed since the due date (default 14), a notice to the upper
/// level at <see cref="NoticeTime"/> on the first working day on or after that day. Notices are not sent
/// once the review is recorded (the app stops asking).
/// </summary>
public sealed record OverdueEscalationPolicy
{
    private readonly int _graceDays = 14;

    public static OverdueEscalationPolicy Default { get; } = new();

    /// <summary>Calendar days after the due date before the upper level is told; ≥ 1.</summary>
    public int GraceDays
    {
        get => _graceDays;
        init => _graceDays = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The grace period is at least one day.");
    }

    public TimeOnly NoticeTime { get; init; } = VietnamTime.MorningReminderTime;

    /// <summary>The notices for a review due on <paramref name="dueDate"/>, in time order.</summary>
    public IReadOnlyList<OverdueNotice> Notices(DateOnly dueDate, PublicHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        DateOnly toOrganisation = calendar.NextWorkingDay(dueDate);
        DateOnly toUpperLevel = calendar.Shift(dueDate.AddDays(GraceDays), NonWorkingDayShift.NextWorkingDay);
        return
        [
            new OverdueNotice(OverdueAudience.Organisation, VietnamTime.ToInstant(toOrganisation, NoticeTime)),
            new OverdueNotice(OverdueAudience.UpperLevel, VietnamTime.ToInstant(toUpperLevel, NoticeTime)),
        ];
    }

    /// <summary>True when a review due on <paramref name="dueDate"/> is overdue on the Vietnam day of <paramref name="now"/>.</summary>
    public static bool IsOverdue(DateOnly dueDate, DateTimeOffset now) => VietnamTime.DateOf(now) > dueDate;
}
