namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// Body of <c>POST /api/organisations</c>. Term like "2025-2030"; type an OrganisationType name; committeeName (the
/// cấp ủy, e.g. "Đảng ủy Sở Tài chính") optional, derived from the name when left out.
/// </summary>
public sealed record CreateOrganisationRequest(
    string? Id,
    string? Name,
    string? Code,
    string? Type,
    string? ParentId,
    string? Term,
    string? OfficeEmail,
    IReadOnlyList<CommitteeMemberRequest>? Members,
    string? CommitteeName = null);
