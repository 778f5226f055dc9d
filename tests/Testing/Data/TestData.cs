using System.Text;
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

/// <summary>Fixed instants and values shared by the builders; tests pass time in, never read a clock.</summary>
public static class TestData
{
    /// <summary>Monday 2 March 2026, 09:00 Vietnam time.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public static readonly Term Term2025 = new(2025, 2030);

    public static readonly Term Term2030 = new(2030, 2035);

    public static DateTimeOffset Minutes(int minutes) => T0.AddMinutes(minutes);

    public static DateTimeOffset Days(int days) => T0.AddDays(days);

    public static ContentHash Hash(string seed) => ContentHash.Of(Encoding.UTF8.GetBytes(seed));
}
