using System.Globalization;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.State;

/// <summary>Key formats shared by the stores. Keys never contain '/', '\', '#', '?' or control characters.</summary>
internal static class StateKeys
{
    /// <summary>"2025-2030" (ASCII hyphen, unlike <see cref="Term.ToString"/>), usable inside keys.</summary>
    public static string FormatTerm(Term term) =>
        string.Create(CultureInfo.InvariantCulture, $"{term.StartYear}-{term.EndYear}");

    public static Term ParseTerm(string value)
    {
        string[] parts = value.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int start)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int end)
            ? new Term(start, end)
            : throw new FormatException($"'{value}' is not a term like 2025-2030.");
    }

    /// <summary>Rejects an id that cannot be a row or partition key, or a segment of a materialized path.</summary>
    public static string Id(string id, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, paramName);
        if (id.Length > 200 || id.Any(c => c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c)))
        {
            throw new ArgumentException($"Id '{id}' is longer than 200 characters or contains '/', '\\', '#', '?', '|' or a control character.", paramName);
        }

        return id;
    }
}
