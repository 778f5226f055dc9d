using System.Globalization;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Reviews;

namespace QuyCheWorkflow.Functions.OfficeConsole.Decisions;

/// <summary>
/// The dates the step pages write as a document does (days as tables show them: <see cref="VietnamTime.FormatDate(DateOnly)"/>;
/// review outcomes: <see cref="ReviewOutcomeText"/>; roles: <see cref="Organisations.CommitteeRoleText"/>).
/// </summary>
public static class DecisionText
{
    /// <summary>As written on a document: "ngày 07 tháng 12 năm 2026".</summary>
    public static string LongDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}");

    /// <summary>What a date input holds: "2026-12-07".</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
