namespace QuyCheWorkflow.Domain.Calendar;

/// <summary>
/// Vietnam local time: UTC+07:00 all year (Asia/Ho_Chi_Minh has had no daylight saving since 1975), so a
/// fixed offset is exact for every date this product handles and needs no time-zone database. Deadlines,
/// reminder times and "which day is it" are all decided in this zone; instants are stored in UTC.
/// </summary>
public static class VietnamTime
{
    /// <summary>The offset from UTC: +07:00.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The usual hour for reminders: 08:00 local (01:00Z).</summary>
    public static readonly TimeOnly MorningReminderTime = new(8, 0);

    /// <summary>The UTC instant of <paramref name="date"/> at <paramref name="time"/> Vietnam time.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
        => new DateTimeOffset(date.ToDateTime(time), Offset).ToUniversalTime();

    /// <summary>The Vietnam calendar day on which <paramref name="instant"/> falls.</summary>
    public static DateOnly DateOf(DateTimeOffset instant)
        => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary><paramref name="instant"/> expressed with the +07:00 offset (same instant).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);
}
