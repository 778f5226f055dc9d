namespace QuyCheWorkflow.Functions.Mail;

/// <summary>The <c>Mail:SendGrid</c> configuration section.</summary>
public sealed class SendGridMailOptions
{
    public static readonly Uri DefaultEndpoint = new("https://api.sendgrid.com");

    /// <summary>Secret: from configuration or Key Vault only, never logged.</summary>
    public string? ApiKey { get; set; }

    public Uri Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>Retries after the first attempt, for 429, 5xx, timeouts and connection failures.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First back-off delay; it doubles (with jitter) on each retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait a 429's Retry-After may ask for, and the longest back-off delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Per attempt. The whole send is bounded by every attempt timing out with the longest wait between them:
    /// (MaxRetryAttempts + 1) × RequestTimeout + MaxRetryAttempts × MaxRetryDelay.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
