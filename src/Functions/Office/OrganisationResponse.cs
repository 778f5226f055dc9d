using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// An organisation as the office API returns it; <see cref="CommitteeName"/> is the committee's name as used in
/// mail (stored or derived), <see cref="OfficeName"/> its office's; <see cref="QualityThresholds"/> what it counts as
/// copying and formal consultation below it, null when it set nothing (the nearest upper level's, else the defaults, apply).
/// </summary>
public sealed record OrganisationResponse(
    string Id,
    string Name,
    string Code,
    string Type,
    string? ParentId,
    string Term,
    string? OfficeEmail,
    IReadOnlyList<CommitteeMemberResponse> Members,
    string CommitteeName,
    string OfficeName,
    QualityThresholdsResponse? QualityThresholds = null)
{
    public static OrganisationResponse From(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new(
            organisation.Id,
            organisation.Name,
            organisation.Code.Value,
            organisation.Type.ToString(),
            organisation.ParentId,
            $"{organisation.CurrentTerm.StartYear}-{organisation.CurrentTerm.EndYear}",
            organisation.OfficeEmail,
            [.. organisation.Committee.Members.Select(m => new CommitteeMemberResponse(m.MemberId, m.FullName, m.Email, m.Role.ToString()))],
            organisation.CommitteeName,
            organisation.OfficeName,
            organisation.QualityThresholds is { } thresholds ? QualityThresholdsResponse.From(thresholds) : null);
    }
}
