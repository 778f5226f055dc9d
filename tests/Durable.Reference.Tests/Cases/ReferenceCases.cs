namespace QuyCheWorkflow.Durable.Reference.Tests.Cases;

/// <summary>Every reference case, and every orchestrator and activity they need (what an engine under test hosts).</summary>
public static class ReferenceCases
{
    public static IReadOnlyList<ReferenceCase> All { get; } =
    [
        .. ActivityCases.All,
        .. SubOrchestrationCases.All,
        .. TimerCases.All,
        .. EventCases.All,
        .. ContinueAsNewCases.All,
        .. LifecycleCases.All,
    ];

    /// <summary>The union of the cases' tasks and <see cref="CommonActivities"/>; a name and version means one class.</summary>
    public static IReadOnlyList<TaskRegistration> Tasks { get; } = Collect();

    public static ReferenceCase Named(string name) =>
        All.SingleOrDefault(c => c.Name == name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "No such reference case.");

    private static List<TaskRegistration> Collect()
    {
        var tasks = All.SelectMany(c => c.Tasks).Concat(CommonActivities.All).Distinct().ToList();
        var clash = tasks.GroupBy(t => (t.Name.Name, t.Version)).FirstOrDefault(g => g.Count() > 1);
        return clash is null
            ? tasks
            : throw new InvalidOperationException($"Two classes registered as '{clash.Key.Name}' version '{clash.Key.Version}'.");
    }
}
