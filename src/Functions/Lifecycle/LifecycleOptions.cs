namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>Settings of the lifecycle's reminders (section <c>Lifecycle</c>).</summary>
public sealed class LifecycleOptions
{
    public const string SectionName = "Lifecycle";

    /// <summary>
    /// Public holidays (Tết, 30/4–1/5, 2/9, ...) as configured for the year, skipped by working-day reminders and
    /// shifted around by review reminders. Weekends are always non-working.
    /// </summary>
    public List<DateOnly> PublicHolidays { get; } = [];
}
