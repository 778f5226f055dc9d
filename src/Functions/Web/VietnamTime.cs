using System.Globalization;

namespace QuyCheWorkflow.Functions.Web;

/// <summary>
/// Formats instants for people in Vietnam time. Vietnam has kept UTC+7 without daylight saving since 1975, so a
/// fixed offset is exact and needs no time-zone database on the host.
/// </summary>
public static class VietnamTime
{
    public static TimeSpan Offset { get; } = TimeSpan.FromHours(7);

    private static readonly CultureInfo s_culture = CultureInfo.GetCultureInfo("vi-VN");

    public static DateTimeOffset ToVietnamTime(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>"22/11/2026".</summary>
    public static string FormatDate(DateTimeOffset instant) =>
        ToVietnamTime(instant).ToString("dd/MM/yyyy", s_culture);

    /// <summary>"14:05 ngày 22/11/2026".</summary>
    public static string FormatDateTime(DateTimeOffset instant) =>
        ToVietnamTime(instant).ToString("HH:mm 'ngày' dd/MM/yyyy", s_culture);

    /// <summary>"ngày 22 tháng 11 năm 2026", as written in documents.</summary>
    public static string FormatLongDate(DateTimeOffset instant)
    {
        var local = ToVietnamTime(instant);
        return string.Create(s_culture, $"ngày {local.Day:00} tháng {local.Month:00} năm {local.Year}");
    }

    /// <summary>"Thứ Hai, 14:05 ngày 23/11/2026": weekday names as people say them.</summary>
    public static string FormatDeadline(DateTimeOffset instant)
    {
        var local = ToVietnamTime(instant);
        return $"{WeekdayName(local.DayOfWeek)}, {FormatDateTime(instant)}";
    }

    public static string WeekdayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        DayOfWeek.Sunday => "Chủ Nhật",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, null),
    };
}
