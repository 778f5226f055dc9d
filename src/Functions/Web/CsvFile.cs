using System.Text;

namespace QuyCheWorkflow.Functions.Web;

/// <summary>
/// The CSV files the app hands to people (the status roll-up, a campaign's roll-up): RFC 4180 with a comma between
/// fields (why a comma and no <c>sep=</c> line: <see cref="Status.StatusCsv"/>), CRLF line ends, a field quoted when
/// it holds a comma, quote or line break, a leading =, +, - or @ neutralised with an apostrophe (names come from
/// people, and a spreadsheet would run such a cell as a formula), and UTF-8 with a byte-order mark so Excel reads
/// Vietnamese.
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The file of <paramref name="records"/>, one line each, the header first when it is given first.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyList<string>> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var text = new StringBuilder();
        foreach (var record in records)
        {
            text.AppendJoin(',', record.Select(Field)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Field(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@')
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
