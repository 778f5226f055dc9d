using System.Globalization;
using System.Text.RegularExpressions;

namespace QuyCheWorkflow.Functions.OfficeConsole.Organisations;

/// <summary>One fault of an import file as the import page's table shows it: the line, the column, what is wrong.</summary>
/// <param name="Line">The line of the file, or null for the file as a whole.</param>
/// <param name="Place">The line(s) as said when not one number (a committee spread over several lines).</param>
/// <param name="Column">The column, or null for the whole line.</param>
/// <param name="Message">The Vietnamese message.</param>
public sealed partial record ImportFault(int? Line, string? Place, string? Column, string Message)
{
    /// <summary>The faults of an import's errors, keyed as the importer keys them ("tệp", "dòng 7", "dòng 7, cột email"), in line order.</summary>
    public static IReadOnlyList<ImportFault> From(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return [.. errors.Select(e => Of(e.Key, string.Join(" ", e.Value))).OrderBy(f => f.Line ?? 0).ThenBy(f => f.Column, StringComparer.Ordinal)];
    }

    private static ImportFault Of(string key, string message)
    {
        var match = KeyPattern().Match(key);
        if (!match.Success)
        {
            return new ImportFault(null, key == Office.Import.ImportSheet.FileKey ? null : key, null, message);
        }

        return new ImportFault(int.Parse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture), null,
            match.Groups[2].Success ? match.Groups[2].Value : null, message);
    }

    [GeneratedRegex(@"^dòng (\d+)(?:, cột (.+))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KeyPattern();
}
