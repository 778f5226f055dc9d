namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>Everything a <see cref="ResolutionSheet"/> holds, as plain data for persistence.</summary>
public sealed record ResolutionSheetState(
    string ConsultationRoundId,
    string RegulationId,
    IReadOnlyList<Comment> Comments,
    IReadOnlyList<CommentResolution> Resolutions);
