using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Numbering;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Testing;

/// <summary>Holiday calendars as the app would configure them.</summary>
public static class Calendars
{
    /// <summary>Tết 2027 (Fri 2027-02-05 .. Thu 2027-02-11) and New Year's Day 2027 (Fri 2027-01-01).</summary>
    public static PublicHolidayCalendar Tet2027 { get; } = PublicHolidayCalendar.FromRanges(
    [
        (new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1)),
        (new DateOnly(2027, 2, 5), new DateOnly(2027, 2, 11)),
    ]);
}
