using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using SendGrid;

namespace QuyCheWorkflow.Functions.Mail;

/// <summary>
/// Sends through SendGrid's v3 HTTP API with the official client (<c>POST {Endpoint}/v3/mail/send</c>, 202 =
/// accepted), over the named <see cref="HttpClient"/> whose pipeline (<see cref="SendGridResilience"/>) retries
/// 429, 408, 5xx, timeouts and connection failures and bounds the whole send; any other refusal fails at once.
/// Thread-safe. Never logs the API key or the message.
/// </summary>
public sealed class SendGridMailTransport : IMailTransport
{
    internal const string HttpClientName = "QuyCheWorkflow.Mail.SendGrid";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly SendGridClientOptions _clientOptions;
    private readonly ILogger<SendGridMailTransport> _logger;

    public SendGridMailTransport(
        IHttpClientFactory httpClientFactory, IOptions<MailOptions> options, ILogger<SendGridMailTransport> logger)
    {
        _httpClientFactory = httpClientFactory;
        _logger = logger;
        var sendGrid = options.Value.SendGrid;
        _clientOptions = new SendGridClientOptions
        {
            ApiKey = sendGrid.ApiKey ?? "",
            Host = sendGrid.Endpoint.AbsoluteUri.TrimEnd('/'),
        };
    }

    public async Task SendAsync(OutgoingMail mail, MailRecipient from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(from);
        var message = SendGridMessageFactory.Create(mail, from);

        // A client per send over the factory's pooled handlers, as IHttpClientFactory intends; both are cheap.
        var client = new SendGridClient(_httpClientFactory.CreateClient(HttpClientName), _clientOptions);
        Response response;
        using (Log.NotificationScope(_logger, mail.NotificationId))
        {
            try
            {
                response = await client.SendEmailAsync(message, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                throw new MailDeliveryFailedException(
                    $"SendGrid could not be reached for notification {mail.NotificationId}.",
                    mail.NotificationId, null, [exception.Message], isTransient: true, exception);
            }
            catch (TimeoutRejectedException exception)
            {
                throw new MailDeliveryFailedException(
                    $"SendGrid did not answer in time for notification {mail.NotificationId}.",
                    mail.NotificationId, null, ["timeout"], isTransient: true, exception);
            }
        }

        using var body = response.Body;
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var errors = await ReadErrorsAsync(body, cancellationToken);
        var status = (int)response.StatusCode;
        throw new MailDeliveryFailedException(
            $"SendGrid refused notification {mail.NotificationId} with {status}.",
            mail.NotificationId, status, errors, IsTransient(response.StatusCode));
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static async Task<IReadOnlyList<string>> ReadErrorsAsync(HttpContent? body, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return [];
        }

        var text = await body.ReadAsStringAsync(cancellationToken);
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
