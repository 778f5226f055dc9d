namespace QuyCheWorkflow.Functions.Office;

/// <summary>How the office API writes an instant: ISO 8601 in UTC, whatever offset it was given or stored with.</summary>
internal static class ApiInstant
{
    public static DateTimeOffset Of(DateTimeOffset value) => value.ToUniversalTime();

    public static DateTimeOffset? Of(DateTimeOffset? value) => value?.ToUniversalTime();
}
