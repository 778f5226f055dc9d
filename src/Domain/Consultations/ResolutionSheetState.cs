namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>Everything a <see cref="ResolutionSheet"/> holds, as plain data for persistence.</summary>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record ResolutionSheetState(
    string ConsultationRoundId,
    string RegulationId,
    IReadOnlyList<Comment> Comments,
    IReadOnlyList<CommentResolution> Resolutions);
