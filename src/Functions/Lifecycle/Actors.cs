namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>Well-known actors.</summary>
public static class Actors
{
    /// <summary>The app itself: orchestrations, activities and the reconciler.</summary>
    public static Actor System { get; } = new("system", "Hệ thống", "system");
}
