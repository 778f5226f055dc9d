namespace QuyCheWorkflow.Domain.Tests.Builders;

/// <summary>Holiday calendars as the app would configure them.</summary>
internal static class Calendars
{
    /// <summary>Tết 2027 (Fri 2027-02-05 .. Thu 2027-02-11) and New Year's Day 2027 (Fri 2027-01-01).</summary>
    public static PublicHolidayCalendar Tet2027 { get; } = PublicHolidayCalendar.FromRanges(
    [
        (new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1)),
        (new DateOnly(2027, 2, 5), new DateOnly(2027, 2, 11)),
    ]);
}
