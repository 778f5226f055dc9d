using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Tests.Web;

public sealed class VietnamTimeTests
{
    private static readonly DateTimeOffset s_lateEveningUtc = new(2026, 11, 22, 18, 30, 0, TimeSpan.Zero);

    [Fact]
    public void FormatDateTime_LateEveningUtc_IsNextMorningInVietnam()
    {
        var text = VietnamTime.FormatDateTime(s_lateEveningUtc);

        Assert.Equal("01:30 ngày 23/11/2026", text);
    }

    [Fact]
    public void FormatDeadline_InstantOnMonday_NamesTheVietnameseWeekday()
    {
        var text = VietnamTime.FormatDeadline(s_lateEveningUtc);

        Assert.Equal("Thứ Hai, 01:30 ngày 23/11/2026", text);
    }

    [Fact]
    public void FormatLongDate_AnyOffset_WritesDocumentStyleDate()
    {
        var text = VietnamTime.FormatLongDate(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(-5)));

        Assert.Equal("ngày 05 tháng 01 năm 2026", text);
    }

    [Fact]
    public void FormatDate_AnyOffset_UsesVietnamDay()
    {
        var text = VietnamTime.FormatDate(new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero));

        Assert.Equal("01/01/2027", text);
    }
}
