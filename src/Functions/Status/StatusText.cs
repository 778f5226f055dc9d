using System.Text.RegularExpressions;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>The Vietnamese words of the status view that the stored rows do not already carry.</summary>
public static partial class StatusText
{
    public static string Compliance(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Missing => "Chưa có quy chế",
        ComplianceStatus.InPreparation => "Đang xây dựng",
        ComplianceStatus.InForce => "Đang có hiệu lực",
        ComplianceStatus.ReviewOverdue => "Quá hạn rà soát",
        _ => status.ToString(),
    };

    public static string OrganisationType(OrganisationType type) => type switch
    {
        Domain.Organisations.OrganisationType.TerritorialCommittee => "Cấp ủy địa phương",
        Domain.Organisations.OrganisationType.Agency => "Cơ quan",
        Domain.Organisations.OrganisationType.Enterprise => "Doanh nghiệp",
        Domain.Organisations.OrganisationType.Commune => "Xã, phường",
        Domain.Organisations.OrganisationType.PartyDelegation => "Đảng đoàn, ban cán sự đảng",
        Domain.Organisations.OrganisationType.PublicServiceUnit => "Đơn vị sự nghiệp",
        Domain.Organisations.OrganisationType.ArmedForces => "Lực lượng vũ trang",
        _ => "Khác",
    };

    /// <summary>What an audit action means, for the timeline (<see cref="Lifecycle.AuditAction"/>); unknown actions show as they are.</summary>
    public static string AuditAction(string action) => Lifecycle.AuditAction.LabelOf(action);

    public static bool IsOrganisationId(string value) => OrganisationIdPattern().IsMatch(value);

    public static bool IsRegulationId(string value) => RegulationIdPattern().IsMatch(value);

    // The same shape the key administration accepts for organisation ids.
    [GeneratedRegex(@"^[\p{L}\p{N}_.\-]{1,64}$")]
    private static partial Regex OrganisationIdPattern();

    [GeneratedRegex(@"^[\p{L}\p{N}_.\-]{1,200}$")]
    private static partial Regex RegulationIdPattern();
}
