namespace QuyCheWorkflow.Domain.Tests;

public sealed class PublicHolidayCalendarTests
{
    [Theory]
    [InlineData("2027-02-04", true)]
    [InlineData("2027-02-05", false)]
    [InlineData("2027-02-08", false)]
    [InlineData("2027-02-11", false)]
    [InlineData("2027-02-12", true)]
    [InlineData("2027-02-13", false)]
    [InlineData("2027-01-01", false)]
    [InlineData("2026-12-31", true)]
    public void IsWorkingDay_AroundTetAndNewYear_SkipsWeekendsAndConfiguredHolidays(string date, bool expected)
    {
        bool working = Calendars.Tet2027.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, working);
    }

    [Theory]
    [InlineData("2027-02-04", 1, "2027-02-12")]
    [InlineData("2027-02-04", 2, "2027-02-15")]
    [InlineData("2027-02-03", 3, "2027-02-15")]
    [InlineData("2027-02-12", -1, "2027-02-04")]
    [InlineData("2026-12-31", 1, "2027-01-04")]
    [InlineData("2026-12-30", 3, "2027-01-05")]
    [InlineData("2027-01-04", -1, "2026-12-31")]
    [InlineData("2027-02-06", 0, "2027-02-06")]
    public void AddWorkingDays_AcrossTetAndYearEnd_CountsOnlyWorkingDays(string from, int days, string expected)
    {
        DateOnly start = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);

        DateOnly result = Calendars.Tet2027.AddWorkingDays(start, days);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
    }

    [Fact]
    public void NextWorkingDay_InsideTet_IsFirstDayAfterTet()
    {
        DateOnly next = Calendars.Tet2027.NextWorkingDay(new DateOnly(2027, 2, 5));

        Assert.Equal(new DateOnly(2027, 2, 12), next);
    }

    [Fact]
    public void NextWorkingDay_WithoutHolidays_SkipsOnlyTheWeekend()
    {
        DateOnly next = PublicHolidayCalendar.Empty.NextWorkingDay(new DateOnly(2027, 2, 5));

        Assert.Equal(new DateOnly(2027, 2, 8), next);
    }

    [Fact]
    public void WorkingDaysBetween_YearEnd_CountsThree()
    {
        int count = Calendars.Tet2027.WorkingDaysBetween(new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 5));

        Assert.Equal(3, count);
    }

    [Fact]
    public void FromRanges_RangeEndingBeforeStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => PublicHolidayCalendar.FromRanges([(new DateOnly(2027, 2, 11), new DateOnly(2027, 2, 5))]));
    }
}
