namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>Vietnamese labels of how a comment was taken up, as the resolution table and the pages show them.</summary>
public static class ResolutionOutcomeText
{
    public static string Label(ResolutionOutcome outcome) => outcome switch
    {
        ResolutionOutcome.Accepted => "Tiếp thu",
        ResolutionOutcome.PartlyAccepted => "Tiếp thu một phần",
        ResolutionOutcome.NotAccepted => "Không tiếp thu, giải trình",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
