using QuyCheWorkflow.Domain.Consultations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// The resolution sheet of a consultation round as the office API returns it: every comment, the resolutions so far,
/// and the ids of the comments still to resolve before the draft can go to the vote.
/// </summary>
public sealed record ResolutionSheetResponse(
    string ConsultationRoundId,
    string RegulationId,
    IReadOnlyList<CommentResponse> Comments,
    IReadOnlyList<CommentResolutionResponse> Resolutions,
    IReadOnlyList<string> UnresolvedCommentIds)
{
    public static ResolutionSheetResponse From(ResolutionSheetState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sheet = ResolutionSheet.FromState(state);
        return new(
            sheet.ConsultationRoundId,
            sheet.RegulationId,
            [.. sheet.Comments.Select(CommentResponse.From)],
            [.. sheet.Resolutions.Select(CommentResolutionResponse.From)],
            [.. sheet.Unresolved.Select(c => c.CommentId)]);
    }
}
