using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace QuyCheWorkflow.Functions.Web;

/// <summary>
/// What an id given to the app looks like — an organisation's, a regulation's, a committee member's, a consulted
/// party's, an <c>Idempotency-Key</c> — wherever it arrives (the API, the key administration, the status queries and
/// pages): at most <see cref="MaxLength"/> characters of every kind.
/// <para>
/// A new id (<see cref="IsValid"/>) is ASCII letters, digits, '-', '_' or '.': ids travel in URLs, table keys and
/// links, where "tổ-chức" and its decomposed twin would be two ids. An id that only names something that may exist
/// already (<see cref="IsValidReference"/>: the organisation of an API key, a status filter, a timeline) may also hold
/// letters of any script, as ids could before they became ASCII, so what was created then can still be reached.
/// </para>
/// </summary>
public static partial class IdSyntax
{
    /// <summary>The longest id, of every kind.</summary>
    public const int MaxLength = 64;

    /// <summary>The rule for a new id in Vietnamese, for the message that refuses one: "tối đa 64 ký tự: chữ không dấu …".</summary>
    public static string Rule { get; } = string.Create(
        CultureInfo.InvariantCulture, $"tối đa {MaxLength} ký tự: chữ không dấu (a-z, A-Z), số, '-', '_' hoặc '.'");

    /// <summary>The rule for an id that names something existing, in Vietnamese: "tối đa 64 ký tự chữ, số, …".</summary>
    public static string ReferenceRule { get; } = string.Create(
        CultureInfo.InvariantCulture, $"tối đa {MaxLength} ký tự chữ, số, '-', '_' hoặc '.'");

    /// <summary>True when <paramref name="value"/> is a new id as given (no trimming).</summary>
    public static bool IsValid([NotNullWhen(true)] string? value) =>
        value is { Length: > 0 and <= MaxLength } && AsciiCharacters().IsMatch(value);

    /// <summary>True when <paramref name="value"/> may name an existing organisation or regulation (no trimming).</summary>
    public static bool IsValidReference([NotNullWhen(true)] string? value) =>
        value is { Length: > 0 and <= MaxLength } && ReferenceCharacters().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+\z")]
    private static partial Regex AsciiCharacters();

    [GeneratedRegex(@"^[\p{L}\p{N}_.\-]+\z")]
    private static partial Regex ReferenceCharacters();
}
