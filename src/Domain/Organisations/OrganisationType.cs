namespace QuyCheWorkflow.Domain.Organisations;

/// <summary>
/// The kind (<i>loại hình</i>) of a Party organisation. Model regulations (<i>quy chế mẫu</i>) are published per
/// type, so a new organisation starts from the model of its type.
/// </summary>
public enum OrganisationType
{
    /// <summary>A provincial or district-level committee (Tỉnh ủy, Huyện ủy, Thành ủy).</summary>
    TerritorialCommittee,

    /// <summary>State agencies (cơ quan).</summary>
    Agency,

    /// <summary>Enterprises (doanh nghiệp).</summary>
    Enterprise,

    /// <summary>Communes, wards and towns (xã, phường, thị trấn).</summary>
    Commune,

    /// <summary>Party delegations (đảng đoàn) and Party executive boards (ban cán sự đảng).</summary>
    PartyDelegation,

    /// <summary>Public service units (đơn vị sự nghiệp).</summary>
    PublicServiceUnit,

    /// <summary>Armed forces units (lực lượng vũ trang).</summary>
    ArmedForces,

    /// <summary>Anything not listed above.</summary>
    Other,
}
