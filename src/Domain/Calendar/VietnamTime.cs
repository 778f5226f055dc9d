using System.Globalization;

namespace QuyCheWorkflow.Domain.Calendar;

/// <summary>
/// Vietnam local time: UTC+07:00 all year (Asia/Ho_Chi_Minh has had no daylight saving since 1975), so a
/// fixed offset is exact for every date this product handles and needs no time-zone database. Deadlines,
/// reminder times and "which day is it" are all decided in this zone; instants are stored in UTC.
/// <para>
/// The <c>Format*</c> methods write dates and times the way Vietnamese readers do, as Vietnam wall-clock time without
/// naming the zone: the readers are domestic, and only calendar files (<see cref="TimeZoneId"/>) and the API carry it.
/// </para>
/// </summary>
public static class VietnamTime
{
    /// <summary>The IANA id of the zone, for calendar files.</summary>
    public const string TimeZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>The offset from UTC: +07:00.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    private static readonly string[] s_dayNames = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

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

    /// <summary>For tables and lists: <c>dd/MM/yyyy HH:mm</c>, e.g. "05/12/2026 17:00".</summary>
    public static string FormatDateTime(DateTimeOffset instant) =>
        ToLocal(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>For running text, time first: <c>HH:mm ngày dd/MM/yyyy</c>, e.g. "17:00 ngày 05/12/2026".</summary>
    public static string FormatTimeOnDate(DateTimeOffset instant) =>
        ToLocal(instant).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary><c>HH:mm</c> of the Vietnam wall clock.</summary>
    public static string FormatTime(DateTimeOffset instant) =>
        ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary><c>dd/MM/yyyy</c> of the Vietnam calendar day.</summary>
    public static string FormatDate(DateTimeOffset instant) => FormatDate(DateOf(instant));

    /// <summary>A calendar day as every page, mail and export shows it: <c>dd/MM/yyyy</c>, e.g. "05/12/2026".</summary>
    public static string FormatDate(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The day as written in correspondence: "Thứ Bảy, ngày 05 tháng 12 năm 2026".</summary>
    public static string FormatLongDate(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{s_dayNames[(int)local.DayOfWeek]}, ngày {local.Day:00} tháng {local.Month:00} năm {local.Year}");
    }

    /// <summary>"HH:mm, Thứ Bảy, ngày 05 tháng 12 năm 2026".</summary>
    public static string FormatLongDateTime(DateTimeOffset instant) => FormatTime(instant) + ", " + FormatLongDate(instant);
}
