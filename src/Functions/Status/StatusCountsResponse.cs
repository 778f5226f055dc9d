namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// How many organisations of a subtree are at each stage (keyed by the stage's name as the <c>stage</c> filter
/// takes it, "None" for those without a regulation; stages with none are left out) and how many have each problem.
/// </summary>
public sealed record StatusCountsResponse(
    int Organisations,
    IReadOnlyDictionary<string, int> Stages,
    int Missing,
    int Overdue,
    int Returned);
