using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace QuyCheWorkflow.Functions.Mail;

/// <summary>
/// Sends through SendGrid's v3 HTTP API (<c>POST {Endpoint}/v3/mail/send</c>, 202 = accepted). 429 (honouring
/// Retry-After up to Mail:SendGrid:MaxRetryDelay), 408, 5xx, timeouts and connection failures are retried with
/// exponential back-off; any other refusal fails at once. Thread-safe. Never logs the API key or the message.
/// </summary>
public sealed class SendGridMailTransport : IMailTransport
{
    internal const string HttpClientName = "QuyCheWorkflow.Mail.SendGrid";

    private static readonly ResiliencePropertyKey<string> s_notificationIdKey = new("QuyCheWorkflow.NotificationId");

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly SendGridMailOptions _options;
    private readonly Uri _sendUri;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public SendGridMailTransport(
        IHttpClientFactory httpClientFactory, IOptions<MailOptions> options, TimeProvider timeProvider, ILogger<SendGridMailTransport> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options.Value.SendGrid;
        _sendUri = new Uri(_options.Endpoint.AbsoluteUri.TrimEnd('/') + "/v3/mail/send");
        var maxDelay = _options.MaxRetryDelay;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfterDelay(args.Outcome.Result?.Headers.RetryAfter, timeProvider.GetUtcNow(), maxDelay)),
                OnRetry = args =>
                {
                    Log.SendGridRetrying(
                        logger,
                        args.Context.Properties.GetValue(s_notificationIdKey, ""),
                        args.AttemptNumber + 1,
                        (int?)args.Outcome.Result?.StatusCode,
                        args.Outcome.Exception?.GetType().Name,
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public async Task SendAsync(OutgoingMail mail, MailRecipient from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(from);
        var body = SendGridPayload.Serialize(mail, from);
        var client = _httpClientFactory.CreateClient(HttpClientName);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(s_notificationIdKey, mail.NotificationId);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, state.Transport._sendUri)
                    {
                        Content = new ByteArrayContent(state.Body),
                    };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", state.Transport._options.ApiKey);
                    return await state.Client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken);
                },
                context,
                (Transport: this, Client: client, Body: body));
        }
        catch (HttpRequestException exception)
        {
            throw new MailDeliveryFailedException(
                $"SendGrid could not be reached for notification {mail.NotificationId}.",
                mail.NotificationId, null, [exception.Message], isTransient: true, exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MailDeliveryFailedException(
                $"SendGrid did not answer in time for notification {mail.NotificationId}.",
                mail.NotificationId, null, ["timeout"], isTransient: true, exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var errors = await ReadErrorsAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            throw new MailDeliveryFailedException(
                $"SendGrid refused notification {mail.NotificationId} with {status} {response.ReasonPhrase}.",
                mail.NotificationId, status, errors, IsTransient(response.StatusCode));
        }
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

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: HttpRequestException } => true,

        // HttpClient's own timeout surfaces as a cancellation the caller did not ask for.
        { Exception: OperationCanceledException } => !cancellationToken.IsCancellationRequested,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    private static async Task<IReadOnlyList<string>> ReadErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return errors.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => (Message: GetString(e, "message"), Field: GetString(e, "field")))
                .Where(e => e.Message is not null)
                .Select(e => e.Field is null or "null" ? e.Message! : $"{e.Message} (field: {e.Field})")
                .ToList();
        }
        catch (JsonException)
        {
            // Gateways in front of SendGrid answer with HTML or plain text; the status code alone then tells the story.
            return [];
        }
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
