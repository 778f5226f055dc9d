using System.Text;

namespace QuyCheWorkflow.Domain.Tests.Builders;

/// <summary>Fixed instants and values shared by the builders; tests pass time in, never read a clock.</summary>
internal static class TestData
{
    /// <summary>Monday 2 March 2026, 09:00 Vietnam time.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public static readonly Term Term2025 = new(2025, 2030);

    public static readonly Term Term2030 = new(2030, 2035);

    public static DateTimeOffset Minutes(int minutes) => T0.AddMinutes(minutes);

    public static DateTimeOffset Days(int days) => T0.AddDays(days);

    public static ContentHash Hash(string seed) => ContentHash.Of(Encoding.UTF8.GetBytes(seed));
}
