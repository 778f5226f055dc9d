namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// How many organisations of a subtree are at each stage (keyed by the stage's name as the <c>stage</c> filter
/// takes it, "None" for those without a regulation; stages with none are left out) and how many have each problem:
/// missing, overdue, returned, a text copied from the previous term (<c>Copied</c>) and a latest consultation held
/// for form (<c>FormalConsultation</c>), each counted as its filter of <see cref="StatusQuery"/> selects.
/// </summary>
public sealed record StatusCountsResponse(
    int Organisations,
    IReadOnlyDictionary<string, int> Stages,
    int Missing,
    int Overdue,
    int Returned,
    int Copied,
    int FormalConsultation);
