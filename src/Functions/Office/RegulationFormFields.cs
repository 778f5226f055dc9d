using System.Globalization;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// Parses the fields of the regulation commands sent as forms (the API's multipart requests and the console's
/// forms, which use the same field names), collecting a Vietnamese message per field. Each takes the message to
/// show when the field is missing or malformed, so each surface words it for its readers; the rule is this one.
/// </summary>
internal static class RegulationFormFields
{
    public const string MeetingDate = "meetingDate";
    public const string IssueDate = "issueDate";
    public const string Passed = "passed";
    public const string Agree = "agree";
    public const string Disagree = "disagree";
    public const string Other = "other";
    public const string Outcome = "outcome";
    public const string Notes = "notes";
    public const string SignerMemberId = "signerMemberId";
    public const string SupersedesRegulationId = "supersedesRegulationId";

    /// <summary>A calendar day written <c>yyyy-MM-dd</c> (what a date input sends).</summary>
    public static DateOnly? Date(string? value, string field, string message, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [message];
        return null;
    }

    /// <summary>A time of day written <c>HH:mm</c> (what a time input sends), or <c>HH:mm:ss</c>.</summary>
    public static TimeOnly? Time(string? value, string field, string message, Dictionary<string, string[]> errors)
    {
        if (TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors[field] = [message];
        return null;
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static bool? Boolean(string? value, string field, string message, Dictionary<string, string[]> errors)
    {
        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        errors[field] = [message];
        return null;
    }

    /// <summary>A non-negative whole number written with digits only; 0 (and the message) otherwise.</summary>
    public static int Count(string? value, string field, string message, Dictionary<string, string[]> errors)
    {
        if (int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        errors[field] = [message];
        return 0;
    }

    /// <summary>One of the names of <typeparamref name="TEnum"/>, as written in code.</summary>
    public static TEnum? OneOf<TEnum>(string? value, string field, Dictionary<string, string[]> errors, string? message = null)
        where TEnum : struct, Enum
    {
        if (value is not null && Enum.GetNames<TEnum>().Contains(value.Trim(), StringComparer.Ordinal))
        {
            return Enum.Parse<TEnum>(value.Trim());
        }

        errors[field] = [message ?? $"Giá trị phải là một trong: {string.Join(", ", Enum.GetNames<TEnum>())}."];
        return null;
    }
}
