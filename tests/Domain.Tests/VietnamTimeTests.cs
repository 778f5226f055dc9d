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
}
