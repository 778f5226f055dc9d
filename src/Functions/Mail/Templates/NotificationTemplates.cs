using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>
/// The app's e-mails, in Vietnamese, as HTML plus plain text. Pure functions of their input records: the
/// same record always gives the same message, so a replayed or retried notification is identical.
/// Times are shown in Vietnam time. The notification id travels in the message's header, never in its body.
/// </summary>
public static partial class NotificationTemplates
{
    private const string PersonalLinkNote =
        "Đường liên kết này dành riêng cho đồng chí; đề nghị không chuyển tiếp thư này cho người khác.";

    // How the names of offices and Party organisations begin; a recipient named so is addressed as a body,
    // not as "đồng chí".
    private static readonly string[] s_organisationPrefixes =
    [
        "Văn phòng", "Ban ", "Đảng ủy", "Đảng bộ", "Chi bộ", "Chi ủy", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy",
        "Thị ủy", "Cấp ủy", "Ủy ban", "Công đoàn", "Đoàn Thanh niên", "Hội ", "Thường trực",
    ];

    /// <summary>"Kính gửi đồng chí Nguyễn Văn A," for a person; "Kính gửi: Văn phòng Tỉnh ủy," for an office.</summary>
    private static string Salutation(MailRecipient to)
    {
        var name = to.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return "Kính gửi đồng chí,";
        }

        return IsOrganisation(name) ? $"Kính gửi: {name}," : $"Kính gửi đồng chí {name},";
    }

    /// <summary>The committee (cấp ủy) as given, or derived from the organisation's name ("Đảng bộ X" → "Đảng ủy X").</summary>
    private static string CommitteeOf(string? committeeName, string organisationName) =>
        string.IsNullOrWhiteSpace(committeeName) ? CommitteeNames.FromOrganisationName(organisationName) : committeeName.Trim();

    /// <summary>The committee's office, "Văn phòng {committee}", which signs a message.</summary>
    private static string OfficeOf(string? committeeName, string organisationName) =>
        CommitteeNames.OfficeOf(CommitteeOf(committeeName, organisationName));

    private static bool IsOrganisation(string name) =>
        s_organisationPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
