using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace QuyCheWorkflow.Functions.Mail;

/// <summary>
/// The resilience pipeline of the SendGrid <see cref="HttpClient"/>, from the outside in: a bound on the whole
/// send, retries, and a timeout per attempt. Retried: 429 (waiting as its Retry-After asks, up to
/// <see cref="SendGridMailOptions.MaxRetryDelay"/>), 408, 5xx, attempt timeouts and connection failures, with
/// exponential back-off and jitter otherwise. Never retried: a 2xx (SendGrid accepted the mail) or any other
/// refusal, and a cancellation the caller asked for.
/// </summary>
internal static class SendGridResilience
{
    internal const string PipelineName = "sendgrid";

    private static readonly TimeSpan s_longestTimeout = TimeSpan.FromDays(1);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var provider = context.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<MailOptions>>().Value.SendGrid;
        var timeProvider = provider.GetRequiredService<TimeProvider>();
        var logger = provider.GetRequiredService<ILogger<SendGridMailTransport>>();
        var maxDelay = options.MaxRetryDelay;
        builder.TimeProvider = timeProvider;
        builder
            .AddTimeout(TotalTimeout(options))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = maxDelay,

                // Connection failures, attempt timeouts, 408, 429 and 5xx; never a 2xx, nor a cancellation asked for.
                ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),

                // The built-in Retry-After handling has no cap; this one has.
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfterDelay(args.Outcome.Result?.Headers.RetryAfter, timeProvider.GetUtcNow(), maxDelay)),
                OnRetry = args =>
                {
                    Log.SendGridRetrying(
                        logger,
                        args.AttemptNumber + 1,
                        (int?)args.Outcome.Result?.StatusCode,
                        args.Outcome.Exception?.GetType().Name,
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.RequestTimeout);
    }

    /// <summary>
    /// The longest a send may take: every attempt timing out, with the longest wait between attempts. It only
    /// turns into a limit what the retry settings already imply (at most a day, Polly's longest timeout).
    /// </summary>
    internal static TimeSpan TotalTimeout(SendGridMailOptions options)
    {
        var total = (options.RequestTimeout * (options.MaxRetryAttempts + 1)) + (options.MaxRetryDelay * options.MaxRetryAttempts);
        return total < s_longestTimeout ? total : s_longestTimeout;
    }

    /// <summary>How long a Retry-After asks to wait, capped; null (use back-off) when there is none.</summary>
    internal static TimeSpan? RetryAfterDelay(RetryConditionHeaderValue? retryAfter, DateTimeOffset now, TimeSpan cap)
    {
        var delay = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        return delay is null ? null : TimeSpan.FromTicks(Math.Clamp(delay.Value.Ticks, 0, cap.Ticks));
    }
}
