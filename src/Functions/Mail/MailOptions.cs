namespace QuyCheWorkflow.Functions.Mail;

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public const string DefaultFromName = "Hệ thống quản lý quy chế làm việc";

    public MailTransportKind? Transport { get; set; }

    public string FromAddress { get; set; } = "";

    public string FromName { get; set; } = DefaultFromName;

    public SmtpMailOptions Smtp { get; set; } = new();

    public SendGridMailOptions SendGrid { get; set; } = new();
}
