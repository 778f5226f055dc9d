using System.Globalization;
using System.Text;

namespace QuyCheWorkflow.Storage.Tables;

/// <summary>
/// Builds OData <c>$filter</c> expressions in which every interpolated value is a literal, never syntax:
/// <c>TableFilter.Create($"PartitionKey eq {pk} and RowKey ge {from}")</c>. Strings are quoted with inner quotes
/// doubled, so <c>' or '1' eq '1</c> stays one string value.
/// </summary>
public static class TableFilter
{
    /// <summary>Formats <paramref name="filter"/>, turning each argument into an OData literal.</summary>
    /// <exception cref="ArgumentException">An argument is null or of a type tables cannot compare.</exception>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>The OData literal of one value.</summary>
    public static string Literal(object? value) => value switch
    {
        null => throw new ArgumentException("A filter value cannot be null; tables have no null comparisons.", nameof(value)),
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d when double.IsFinite(d) => DoubleLiteral(d),
        DateTimeOffset dto => "datetime'" + TableEntityJson.FormatDate(dto) + "'",
        DateTime dt => "datetime'" + TableEntityJson.FormatDate(dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(dt, TimeSpan.Zero) : new DateTimeOffset(dt)) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        BinaryData data => "X'" + Convert.ToHexString(data.ToArray()) + "'",
        _ => throw new ArgumentException($"Values of type {value.GetType().Name} cannot appear in a table filter.", nameof(value)),
    };

    private static string Quote(string value) => new StringBuilder(value.Length + 2)
        .Append('\'').Append(value.Replace("'", "''", StringComparison.Ordinal)).Append('\'').ToString();

    private static string DoubleLiteral(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
