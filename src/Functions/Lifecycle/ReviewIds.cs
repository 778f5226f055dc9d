using System.Globalization;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>Review ids are their due date ("review-2027-03-16"): one review per due date, found without a query.</summary>
public static class ReviewIds
{
    public static string For(DateOnly dueDate) => "review-" + dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
