using QuyCheWorkflow.Domain.Consultations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>How one comment was taken up, with the explanation shown in the summary table.</summary>
public sealed record CommentResolutionResponse(string CommentId, ResolutionOutcome Outcome, string Explanation, string ResolvedBy, DateTimeOffset ResolvedAt)
{
    public static CommentResolutionResponse From(CommentResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return new(resolution.CommentId, resolution.Outcome, resolution.Explanation, resolution.ResolvedBy, ApiInstant.Of(resolution.ResolvedAt));
    }
}
