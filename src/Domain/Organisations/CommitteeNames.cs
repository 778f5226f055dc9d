using System.Text;

namespace QuyCheWorkflow.Domain.Organisations;

/// <summary>
/// The name of an organisation's committee (<i>cấp ủy</i>) and of its office, from the organisation's name when the
/// committee has no name of its own: "Đảng bộ Sở Tài chính" is led by the "Đảng ủy Sở Tài chính", whose office is the
/// "Văn phòng Đảng ủy Sở Tài chính". Names that already are a committee ("Tỉnh ủy …", "Đảng ủy Khối …") stay as they
/// are, and so does a chi bộ, which has no committee of another name. Pure functions.
/// </summary>
public static class CommitteeNames
{
    private const string PartyOrganisation = "Đảng bộ ";
    private const string PartyCommittee = "Đảng ủy ";
    private const string OfficePrefix = "Văn phòng ";

    /// <summary>
    /// The committee's name for an organisation named <paramref name="organisationName"/>: "Đảng bộ X" gives
    /// "Đảng ủy X"; every other name ("Chi bộ X", "Tỉnh ủy X", "Đảng ủy Khối X") is given back as it is (trimmed, NFC).
    /// </summary>
    public static string FromOrganisationName(string organisationName)
    {
        ArgumentNullException.ThrowIfNull(organisationName);
        var name = organisationName.Trim().Normalize(NormalizationForm.FormC);
        return name.StartsWith(PartyOrganisation, StringComparison.OrdinalIgnoreCase) && name.Length > PartyOrganisation.Length
            ? PartyCommittee + name[PartyOrganisation.Length..].TrimStart()
            : name;
    }

    /// <summary>The office of the committee named <paramref name="committeeName"/>: "Văn phòng {committee}".</summary>
    public static string OfficeOf(string committeeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(committeeName);
        return OfficePrefix + committeeName.Trim();
    }
}
