namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// The <c>qualityThresholds</c> of <c>PATCH /api/organisations/{id}</c>: what this organisation, as an upper level,
/// counts as copying and as consulting for form below it. Each figure is a whole percentage from 1 to 100; one left
/// out keeps the organisation's current figure (the default when it set none). <c>clear: true</c> removes the
/// setting, so a nearer upper level's or the defaults apply again.
/// </summary>
public sealed record QualityThresholdsRequest(
    int? CopiedFromPreviousTermPercent,
    int? FormalResponseRatePercent,
    int? FormalBareAgreementPercent,
    bool Clear = false);
