using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// What an upper-level office asks for when it starts a campaign; <see cref="Id"/> is chosen by the caller (the
/// request's idempotency key, or a new id), so starting the same campaign again returns the one started first.
/// </summary>
public sealed record StartCampaign(
    string Id,
    string OfficeOrganisationId,
    string Title,
    CampaignRequirement Requirement,
    DateOnly Deadline,
    IReadOnlyList<OrganisationType> OrganisationTypes,
    DateOnly? EndsOn = null,
    DirectingDocument? DirectingDocument = null,
    IReadOnlyList<int>? ReminderDaysBefore = null);
