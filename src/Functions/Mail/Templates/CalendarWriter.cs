using System.Globalization;
using System.Text;
using QuyCheWorkflow.Domain.Calendar;

namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>
/// Writes RFC 5545 content lines: CRLF endings, TEXT values escaped, parameter values quoted, and lines
/// folded at 75 octets without splitting a UTF-8 sequence (RFC 5545 §3.1).
/// </summary>
internal sealed class CalendarWriter
{
    private const int MaxLineOctets = 75;

    private readonly StringBuilder _content = new();

    public CalendarWriter Line(string name, string rawValue, params (string Name, string Value)[] parameters)
    {
        var line = new StringBuilder(name);
        foreach (var (parameterName, parameterValue) in parameters)
        {
            line.Append(';').Append(parameterName).Append('=').Append(QuoteParameter(parameterValue));
        }

        line.Append(':').Append(rawValue);
        Fold(line.ToString());
        return this;
    }

    public CalendarWriter Text(string name, string value, params (string Name, string Value)[] parameters) =>
        Line(name, EscapeText(value), parameters);

    public CalendarWriter UtcDateTime(string name, DateTimeOffset instant) =>
        Line(name, instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));

    public CalendarWriter VietnamDateTime(string name, DateTimeOffset instant) =>
        Line(name, VietnamTime.ToLocal(instant).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture), ("TZID", VietnamTime.TimeZoneId));

    /// <summary>The Asia/Ho_Chi_Minh definition: +07:00 all year, no daylight saving since 1975.</summary>
    public CalendarWriter VietnamTimeZone() => Line("BEGIN", "VTIMEZONE")
        .Line("TZID", VietnamTime.TimeZoneId)
        .Line("BEGIN", "STANDARD")
        .Line("DTSTART", "19700101T000000")
        .Line("TZOFFSETFROM", "+0700")
        .Line("TZOFFSETTO", "+0700")
        .Line("TZNAME", "ICT")
        .Line("END", "STANDARD")
        .Line("END", "VTIMEZONE");

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(_content.ToString());

    public override string ToString() => _content.ToString();

    /// <summary>TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma, and newlines as <c>\n</c>.</summary>
    internal static string EscapeText(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    private static string QuoteParameter(string value)
    {
        // A quoted parameter value may hold anything but DQUOTE and control characters (RFC 5545 §3.1).
        var safe = new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray());
        return safe.AsSpan().IndexOfAny([';', ':', ',']) >= 0 || safe.Any(c => c > 127 || c == ' ') ? $"\"{safe}\"" : safe;
    }

    private void Fold(string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var length = rune.Utf8SequenceLength;
            if (octets + length > MaxLineOctets)
            {
                _content.Append("\r\n ");

                // The leading space of a continuation line counts towards its 75 octets.
                octets = 1;
            }

            _content.Append(rune.ToString());
            octets += length;
        }

        _content.Append("\r\n");
    }
}
