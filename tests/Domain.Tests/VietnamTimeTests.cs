namespace QuyCheWorkflow.Domain.Tests;

public sealed class VietnamTimeTests
{
    [Theory]
    [InlineData("2026-01-15")]
    [InlineData("2026-07-15")]
    [InlineData("2027-02-06")]
    [InlineData("2030-10-01")]
    public void Offset_ComparedWithSystemTimeZone_IsAlwaysSevenHours(string date)
    {
        TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        DateTimeOffset instant = VietnamTime.ToInstant(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), VietnamTime.MorningReminderTime);

        TimeSpan systemOffset = zone.GetUtcOffset(instant);

        Assert.Equal(VietnamTime.Offset, systemOffset);
        Assert.Equal(new TimeSpan(1, 0, 0), instant.UtcDateTime.TimeOfDay);
    }

    [Fact]
    public void DateOf_InstantAfter1700Z_IsNextVietnamDay()
    {
        DateTimeOffset instant = new(2026, 12, 31, 17, 0, 0, TimeSpan.Zero);

        DateOnly date = VietnamTime.DateOf(instant);

        Assert.Equal(new DateOnly(2027, 1, 1), date);
    }

    [Fact]
    public void FormatDateTime_LateUtcEvening_IsNextDayInVietnam()
    {
        var instant = new DateTimeOffset(2026, 12, 31, 18, 30, 0, TimeSpan.Zero);

        var text = VietnamTime.FormatDateTime(instant);

        Assert.Equal("01/01/2027 01:30", text);
        Assert.Equal("01:30 ngày 01/01/2027", VietnamTime.FormatTimeOnDate(instant));
    }

    [Fact]
    public void FormatLongDate_Sunday_UsesChuNhat()
    {
        var instant = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

        var text = VietnamTime.FormatLongDate(instant);

        Assert.Equal("Chủ nhật, ngày 22 tháng 11 năm 2026", text);
    }

    [Fact]
    public void ToLocal_AnyOffset_IsPlusSevenOfTheNamedZone()
    {
        var instant = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.FromHours(2));

        var local = VietnamTime.ToLocal(instant);

        Assert.Equal(TimeSpan.FromHours(7), local.Offset);
        Assert.Equal(13, local.Hour);
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById(VietnamTime.TimeZoneId).GetUtcOffset(instant), local.Offset);
    }
}
