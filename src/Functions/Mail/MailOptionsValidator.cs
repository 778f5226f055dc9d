using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace QuyCheWorkflow.Functions.Mail;

internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (!MailAddress.TryCreate(options.FromAddress, out _))
        {
            failures.Add("Mail:FromAddress must be an e-mail address, e.g. vanphong@quyche.example.vn.");
        }

        if (string.IsNullOrWhiteSpace(options.FromName) || options.FromName.AsSpan().IndexOfAny(['\r', '\n']) >= 0)
        {
            failures.Add("Mail:FromName must be a one-line display name.");
        }

        switch (options.Transport)
        {
            case MailTransportKind.Smtp:
                ValidateSmtp(options.Smtp, failures);
                break;
            case MailTransportKind.SendGrid:
                ValidateSendGrid(options.SendGrid, failures);
                break;
            default:
                failures.Add("Mail:Transport must be Smtp or SendGrid.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSmtp(SmtpMailOptions smtp, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            failures.Add("Mail:Smtp:Host is required when Mail:Transport is Smtp.");
        }

        if (smtp.Port is < 1 or > 65535)
        {
            failures.Add("Mail:Smtp:Port must be between 1 and 65535.");
        }

        if (string.IsNullOrEmpty(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
        {
            failures.Add("Mail:Smtp:UserName and Mail:Smtp:Password are set together or not at all.");
        }

        if (smtp.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Mail:Smtp:Timeout must be positive.");
        }
    }

    private static void ValidateSendGrid(SendGridMailOptions sendGrid, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(sendGrid.ApiKey))
        {
            failures.Add("Mail:SendGrid:ApiKey is required when Mail:Transport is SendGrid (set it from Key Vault, never in a file).");
        }

        if (sendGrid.Endpoint is not { IsAbsoluteUri: true } endpoint || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Mail:SendGrid:Endpoint must be an absolute http(s) URL (default https://api.sendgrid.com).");
        }

        if (sendGrid.MaxRetryAttempts is < 1 or > 10)
        {
            failures.Add("Mail:SendGrid:MaxRetryAttempts must be between 1 and 10.");
        }

        if (sendGrid.RetryBaseDelay < TimeSpan.Zero || sendGrid.MaxRetryDelay < sendGrid.RetryBaseDelay)
        {
            failures.Add("Mail:SendGrid:RetryBaseDelay must be non-negative and no longer than Mail:SendGrid:MaxRetryDelay.");
        }

        // Polly refuses a timeout shorter than 10 ms when it builds the pipeline, i.e. at the first send.
        if (sendGrid.RequestTimeout < TimeSpan.FromMilliseconds(10))
        {
            failures.Add("Mail:SendGrid:RequestTimeout must be at least 00:00:00.010.");
        }
    }
}
