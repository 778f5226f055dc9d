using QuyCheWorkflow.Functions.Hosting;

namespace QuyCheWorkflow.Functions.Scheduling;

/// <summary>
/// The zone timer schedules are evaluated in. Azure Functions evaluates them in UTC unless WEBSITE_TIME_ZONE names
/// a zone (not honoured on every Linux plan); the embedded driver follows the same rule, so a schedule means the
/// same locally and in Azure. Write schedules in UTC: 08:00 Vietnam time (UTC+7) is <c>0 0 1 * * *</c>.
/// </summary>
public static class TimerTimeZone
{
    public static TimeZoneInfo From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var id = configuration[AppSettings.TimeZone];
        return string.IsNullOrWhiteSpace(id) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);
    }
}
