using QuyCheWorkflow.Functions.Scheduling;

namespace QuyCheWorkflow.Functions.Tests.Scheduling;

public sealed class NCrontabScheduleTests
{
    private static readonly TimeZoneInfo s_vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Theory]
    [InlineData("0 */5 * * * *", "2026-11-22T10:03:17Z", "2026-11-22T10:05:00Z")]
    [InlineData("0 */5 * * * *", "2026-11-22T10:05:00Z", "2026-11-22T10:10:00Z")]
    [InlineData("*/15 * * * * *", "2026-11-22T10:00:14Z", "2026-11-22T10:00:15Z")]
    [InlineData("0 0 1 * * *", "2026-11-22T01:00:00Z", "2026-11-23T01:00:00Z")]
    [InlineData("0 30 9-11 * * *", "2026-11-22T11:30:00Z", "2026-11-23T09:30:00Z")]
    [InlineData("0 0 8,12,17 * * *", "2026-11-22T12:00:01Z", "2026-11-22T17:00:00Z")]
    [InlineData("0 0 0 1 1,7 *", "2026-11-22T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("0 0 0 1 Jan,Jul *", "2027-01-01T00:00:00Z", "2027-07-01T00:00:00Z")]
    [InlineData("0 0 9 * * 1-5", "2026-11-21T09:00:00Z", "2026-11-23T09:00:00Z")]
    [InlineData("0 0 9 * * Mon-Fri", "2026-11-21T09:00:00Z", "2026-11-23T09:00:00Z")]
    [InlineData("0 0 9 * * 0", "2026-11-22T09:00:00Z", "2026-11-29T09:00:00Z")]
    [InlineData("0 0 12 29 2 *", "2026-03-01T00:00:00Z", "2028-02-29T12:00:00Z")]
    [InlineData("0 0/20 * * * *", "2026-11-22T10:41:00Z", "2026-11-22T11:00:00Z")]
    [InlineData("0 10-50/20 * * * *", "2026-11-22T10:31:00Z", "2026-11-22T10:50:00Z")]
    [InlineData("0 5/20 * * * *", "2026-11-22T10:46:00Z", "2026-11-22T11:05:00Z")]
    public void GetNextOccurrence_InUtc_ReturnsFirstMatchStrictlyAfter(string expression, string after, string expected)
    {
        var schedule = NCrontabSchedule.Parse(expression);

        var next = schedule.GetNextOccurrence(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void GetNextOccurrence_DayOfMonthAndDayOfWeek_RequiresBoth()
    {
        // The 13th that is a Friday: in NCrontab both fields must match (unlike Vixie cron's "either").
        var schedule = NCrontabSchedule.Parse("0 0 0 13 * Fri");

        var next = schedule.GetNextOccurrence(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);

        Assert.Equal(new DateTimeOffset(2027, 8, 13, 0, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void GetNextOccurrence_InVietnamTime_EvaluatesOnVietnamWallClock()
    {
        var schedule = NCrontabSchedule.Parse("0 0 8 * * *");

        var next = schedule.GetNextOccurrence(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero), s_vietnam);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(7)), next);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), next.ToUniversalTime());
    }

    [Fact]
    public void GetNextOccurrence_WallTimeSkippedByDaylightSaving_DoesNotOccurThatDay()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var schedule = NCrontabSchedule.Parse("0 30 2 * * *");

        // 29 March 2026: Berlin clocks jump from 02:00 to 03:00, so 02:30 does not exist that day.
        var next = schedule.GetNextOccurrence(new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero), berlin);

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 2, 30, 0, TimeSpan.FromHours(2)), next);
    }

    [Fact]
    public void GetNextOccurrence_WallTimeRepeatedByDaylightSaving_OccursOnceAtFirstInstant()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var schedule = NCrontabSchedule.Parse("0 30 2 * * *");
        var after = new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero);

        var first = schedule.GetNextOccurrence(after, berlin);
        var second = schedule.GetNextOccurrence(first, berlin);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), first);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 2, 30, 0, TimeSpan.FromHours(1)), second);
    }

    [Fact]
    public void GetNextOccurrence_ImpossibleDate_Throws()
    {
        var schedule = NCrontabSchedule.Parse("0 0 0 30 2 *");

        Assert.Throws<InvalidOperationException>(() => schedule.GetNextOccurrence(DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 */5 * * * * *")]
    [InlineData("0 60 * * * *")]
    [InlineData("0 0 0 * Foo *")]
    [InlineData("0 1,,2 * * * *")]
    public void Parse_InvalidExpression_ThrowsFormatExceptionQuotingIt(string expression)
    {
        var exception = Assert.Throws<FormatException>(() => NCrontabSchedule.Parse(expression));

        Assert.Contains($"'{expression}'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 0 0 * * Monday", "2026-11-22T00:00:00Z", "2026-11-23T00:00:00Z")]
    [InlineData("0 0 0 1 december *", "2026-11-22T00:00:00Z", "2026-12-01T00:00:00Z")]
    public void Parse_FullNames_AreAccepted(string expression, string after, string expected)
    {
        var schedule = NCrontabSchedule.Parse(expression);

        var next = schedule.GetNextOccurrence(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }
}
