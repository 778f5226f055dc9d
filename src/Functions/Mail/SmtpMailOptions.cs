namespace QuyCheWorkflow.Functions.Mail;

/// <summary>The <c>Mail:Smtp</c> configuration section.</summary>
public sealed class SmtpMailOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
