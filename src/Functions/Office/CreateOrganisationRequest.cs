namespace QuyCheWorkflow.Functions.Office;

/// <summary>Body of <c>POST /api/organisations</c>. Term like "2025-2030"; type an OrganisationType name.</summary>
public sealed record CreateOrganisationRequest(
    string? Id,
    string? Name,
    string? Code,
    string? Type,
    string? ParentId,
    string? Term,
    string? OfficeEmail,
    IReadOnlyList<CommitteeMemberRequest>? Members);
