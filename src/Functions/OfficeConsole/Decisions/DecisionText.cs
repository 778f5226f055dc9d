using System.Globalization;
using QuyCheWorkflow.Domain.Reviews;

namespace QuyCheWorkflow.Functions.OfficeConsole.Decisions;

/// <summary>The words the step pages use for outcomes and dates (roles: <see cref="Organisations.CommitteeRoleText"/>).</summary>
public static class DecisionText
{
    public static string Outcome(ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Keep => "Giữ nguyên",
        ReviewOutcome.Amend => "Sửa đổi, bổ sung",
        ReviewOutcome.Repeal => "Bãi bỏ",
        _ => outcome.ToString(),
    };

    /// <summary>As written on a document: "ngày 07 tháng 12 năm 2026".</summary>
    public static string LongDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}");

    /// <summary>What a date input holds: "2026-12-07".</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
