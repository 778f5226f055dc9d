namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>
/// The app's e-mails, in Vietnamese, as HTML plus plain text. Pure functions of their input records: the
/// same record always gives the same message, so a replayed or retried notification is identical.
/// Times are shown in Vietnam time.
/// </summary>
public static partial class NotificationTemplates
{
    private const string PersonalLinkNote =
        "Đường liên kết này dành riêng cho đồng chí; vui lòng không chuyển tiếp thư này cho người khác.";

    private static string Salutation(MailRecipient to) =>
        string.IsNullOrWhiteSpace(to.Name) ? "Kính gửi đồng chí," : $"Kính gửi đồng chí {to.Name.Trim()},";
}
