using QuyCheWorkflow.Functions.Mail;

namespace QuyCheWorkflow.Functions.Tests.Mail;

public sealed class VietnamTimeTests
{
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
    public void ToVietnamTime_AnyOffset_IsPlusSeven()
    {
        var instant = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.FromHours(2));

        var local = VietnamTime.ToVietnamTime(instant);

        Assert.Equal(TimeSpan.FromHours(7), local.Offset);
        Assert.Equal(13, local.Hour);
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById(VietnamTime.TimeZoneId).GetUtcOffset(instant), local.Offset);
    }
}
