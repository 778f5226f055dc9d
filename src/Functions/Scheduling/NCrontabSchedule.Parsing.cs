using System.Globalization;

namespace QuyCheWorkflow.Functions.Scheduling;

public sealed partial class NCrontabSchedule
{
    private static readonly string[] s_monthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] s_dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private static readonly FieldKind[] s_fields =
    [
        new("second", 0, 59, null, 0),
        new("minute", 0, 59, null, 0),
        new("hour", 0, 23, null, 0),
        new("day", 1, 31, null, 0),
        new("month", 1, 12, s_monthNames, 1),
        new("day of week", 0, 6, s_dayNames, 0),
    ];

    /// <summary>Parses a six-field NCRONTAB expression.</summary>
    /// <exception cref="FormatException">The expression is not a valid six-field NCRONTAB schedule.</exception>
    public static NCrontabSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parts = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != s_fields.Length)
        {
            throw new FormatException(
                $"'{expression}' has {parts.Length} fields; NCRONTAB needs 6: second minute hour day month day-of-week.");
        }

        var fields = new bool[s_fields.Length][];
        for (var i = 0; i < parts.Length; i++)
        {
            fields[i] = ParseField(parts[i], s_fields[i], expression);
        }

        return new NCrontabSchedule(expression, fields);
    }

    private static bool[] ParseField(string text, FieldKind kind, string expression)
    {
        var allowed = new bool[kind.Max + 1];
        foreach (var item in text.Split(','))
        {
            var (rangeText, step) = SplitStep(item, kind, expression);
            int from;
            int to;
            if (rangeText == "*")
            {
                (from, to) = (kind.Min, kind.Max);
            }
            else if (rangeText.IndexOf('-', StringComparison.Ordinal) is var dash and > 0)
            {
                from = ParseValue(rangeText[..dash], kind, expression);
                to = ParseValue(rangeText[(dash + 1)..], kind, expression);
                if (from > to)
                {
                    throw Invalid(expression, kind, $"range '{rangeText}' runs backwards");
                }
            }
            else
            {
                from = ParseValue(rangeText, kind, expression);
                to = step is null ? from : kind.Max;
            }

            for (var value = from; value <= to; value += step ?? 1)
            {
                allowed[value] = true;
            }
        }

        return allowed;
    }

    private static (string Range, int? Step) SplitStep(string item, FieldKind kind, string expression)
    {
        var slash = item.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return (item, null);
        }

        var stepText = item[(slash + 1)..];
        if (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1)
        {
            throw Invalid(expression, kind, $"step '{stepText}' is not a positive number");
        }

        return (item[..slash], step);
    }

    private static int ParseValue(string text, FieldKind kind, string expression)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= kind.Min && number <= kind.Max
                ? number
                : throw Invalid(expression, kind, $"{number} is outside {kind.Min}-{kind.Max}");
        }

        if (kind.Names is not null && text.Length >= 3)
        {
            var index = Array.FindIndex(kind.Names, name => text.StartsWith(name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0 && IsNameSpelling(text, index, kind))
            {
                return index + kind.NameBase;
            }
        }

        throw Invalid(expression, kind, $"'{text}' is not a value");
    }

    // Accepts the three-letter abbreviation or the full English name (e.g. "Mon" or "Monday").
    private static bool IsNameSpelling(string text, int index, FieldKind kind)
    {
        if (text.Length == 3)
        {
            return true;
        }

        var fullNames = ReferenceEquals(kind.Names, s_monthNames)
            ? CultureInfo.InvariantCulture.DateTimeFormat.MonthNames
            : CultureInfo.InvariantCulture.DateTimeFormat.DayNames;
        return string.Equals(fullNames[index], text, StringComparison.OrdinalIgnoreCase);
    }

    private static FormatException Invalid(string expression, FieldKind kind, string reason) =>
        new($"'{expression}' is not a valid NCRONTAB schedule: in the {kind.Name} field, {reason}.");

    private sealed record FieldKind(string Name, int Min, int Max, string[]? Names, int NameBase);
}
