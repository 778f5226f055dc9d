namespace QuyCheWorkflow.Domain.Campaigns;

/// <summary>
/// What a campaign requires: <see cref="Kind"/>, and for <see cref="CampaignRequirementKind.ReviseAfterModel"/> the
/// day the new model regulation was issued (<see cref="ModelIssuedOn"/>); a regulation counts when issued strictly after it.
/// </summary>
public sealed record CampaignRequirement(CampaignRequirementKind Kind, DateOnly? ModelIssuedOn = null);
