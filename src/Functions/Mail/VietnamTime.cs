using System.Globalization;

namespace QuyCheWorkflow.Functions.Mail;

/// <summary>
/// The way Vietnamese readers write dates and times. The zone itself (UTC+7 all year) is the domain's
/// <see cref="Domain.Calendar.VietnamTime"/>; this adds the zone id calendar files need and the wording.
/// Every format shows Vietnam wall-clock time without naming the zone: the readers are domestic, and only
/// calendar files and the API carry the zone.
/// </summary>
public static class VietnamTime
{
    public const string TimeZoneId = "Asia/Ho_Chi_Minh";

    public static readonly TimeSpan Offset = Domain.Calendar.VietnamTime.Offset;

    private static readonly string[] s_dayNames = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

    /// <summary>The instant as Vietnam wall-clock time (offset +07:00).</summary>
    public static DateTimeOffset ToVietnamTime(DateTimeOffset instant) => Domain.Calendar.VietnamTime.ToLocal(instant);

    /// <summary>For tables and lists: <c>dd/MM/yyyy HH:mm</c>, e.g. "05/12/2026 17:00".</summary>
    public static string FormatDateTime(DateTimeOffset instant) =>
        ToVietnamTime(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>For running text, time first: <c>HH:mm ngày dd/MM/yyyy</c>, e.g. "17:00 ngày 05/12/2026".</summary>
    public static string FormatTimeOnDate(DateTimeOffset instant) =>
        ToVietnamTime(instant).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary><c>HH:mm</c> of the Vietnam wall clock.</summary>
    public static string FormatTime(DateTimeOffset instant) =>
        ToVietnamTime(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary><c>dd/MM/yyyy</c> of the Vietnam calendar day.</summary>
    public static string FormatDate(DateTimeOffset instant) =>
        ToVietnamTime(instant).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The day as written in correspondence: "Thứ Bảy, ngày 05 tháng 12 năm 2026".</summary>
    public static string FormatLongDate(DateTimeOffset instant)
    {
        var local = ToVietnamTime(instant);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{s_dayNames[(int)local.DayOfWeek]}, ngày {local.Day:00} tháng {local.Month:00} năm {local.Year}");
    }

    /// <summary>"HH:mm, Thứ Bảy, ngày 05 tháng 12 năm 2026".</summary>
    public static string FormatLongDateTime(DateTimeOffset instant) => FormatTime(instant) + ", " + FormatLongDate(instant);
}
