namespace QuyCheWorkflow.Domain.Consultations;

public sealed partial class ResolutionSheet
{
    private ResolutionSheet(string consultationRoundId, string regulationId, IReadOnlyList<Comment> comments)
    {
        ConsultationRoundId = consultationRoundId;
        RegulationId = regulationId;
        Comments = comments;
    }

    /// <summary>A snapshot for persistence.</summary>
    public ResolutionSheetState ToState() => new(ConsultationRoundId, RegulationId, Comments, Resolutions);

    /// <summary>Rebuilds a sheet saved with <see cref="ToState"/>.</summary>
    /// <exception cref="DomainException">A resolution of a comment not on the sheet.</exception>
    public static ResolutionSheet FromState(ResolutionSheetState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ResolutionSheet sheet = new(state.ConsultationRoundId, state.RegulationId, [.. state.Comments]);
        foreach (CommentResolution resolution in state.Resolutions)
        {
            sheet.Resolve(resolution.CommentId, resolution.Outcome, resolution.Explanation, resolution.ResolvedBy, resolution.ResolvedAt);
        }

        return sheet;
    }
}
