using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>
/// A valid row of an organisations file. <see cref="HasOfficeEmail"/> is false when the file has no officeEmail
/// column (an existing mailbox is then kept); <see cref="Secretary"/> is the first committee of a new organisation.
/// </summary>
internal sealed record OrganisationRow(
    int Line,
    string Id,
    string? ParentId,
    string Name,
    OrganisationCode Code,
    OrganisationType Type,
    Term Term,
    bool HasOfficeEmail,
    string? OfficeEmail,
    CommitteeMember? Secretary)
{
    /// <summary>False when the file has no committeeName column: an existing committee name is then kept.</summary>
    public bool HasCommitteeName { get; init; }

    /// <summary>The committee's own name, or null to derive it from <see cref="Name"/>.</summary>
    public string? CommitteeName { get; init; }
}
