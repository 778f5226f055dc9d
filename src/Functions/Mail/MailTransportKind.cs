namespace QuyCheWorkflow.Functions.Mail;

/// <summary>How mail leaves the app: <c>Mail:Transport</c>.</summary>
public enum MailTransportKind
{
    /// <summary>An SMTP relay (maildev locally).</summary>
    Smtp = 1,

    /// <summary>SendGrid's v3 HTTP API (Azure).</summary>
    SendGrid = 2,
}
