namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// The body of <c>POST /api/campaigns</c>. <see cref="OfficeOrganisationId"/> defaults to the caller's organisation;
/// <see cref="Requirement"/> is IssueForCurrentTerm, ReviseAfterModel (with <see cref="ModelIssuedOn"/>) or
/// RecordReview; dates as yyyy-MM-dd; <see cref="ReminderDaysBefore"/> defaults to 30, 7 and 1.
/// </summary>
public sealed record StartCampaignRequest(
    string? OfficeOrganisationId,
    string? Title,
    string? Requirement,
    DateOnly? ModelIssuedOn,
    DateOnly? Deadline,
    DateOnly? EndsOn,
    IReadOnlyList<string>? OrganisationTypes,
    IReadOnlyList<int>? ReminderDaysBefore,
    string? DocumentNumber,
    DateOnly? DocumentDate,
    string? DocumentFileReference);
