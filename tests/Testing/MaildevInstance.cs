using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace QuyCheWorkflow.Testing;

/// <summary>A real maildev SMTP server with its web API (under <c>/api</c>) on free loopback ports.</summary>
public sealed class MaildevInstance : IAsyncDisposable
{
    private readonly GuardedProcess _process;
    private readonly HttpClient _http;

    private MaildevInstance(GuardedProcess process, int smtpPort, int webPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        WebPort = webPort;
        _http = new HttpClient { BaseAddress = WebEndpoint };
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    public Uri WebEndpoint => new($"http://127.0.0.1:{WebPort}/");

    public static async Task<MaildevInstance> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePort.Next(2);
            var process = GuardedProcess.Start(RepositoryPaths.NodeTool("maildev"),
            [
                "--ip", "127.0.0.1", "--smtp", ports[0].ToString(CultureInfo.InvariantCulture),
                "--web-ip", "127.0.0.1", "--web", ports[1].ToString(CultureInfo.InvariantCulture),
                "--silent",
            ]);
            try
            {
                await Readiness.WaitForPortsAsync(process, "maildev", TimeSpan.FromSeconds(60), ports[0], ports[1]);
                return new MaildevInstance(process, ports[0], ports[1]);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await process.DisposeAsync();
            }
        }
    }

    public async Task<IReadOnlyList<MaildevEmail>> GetEmailsAsync(CancellationToken cancellationToken = default) =>
        await _http.GetFromJsonAsync<List<MaildevEmail>>("api/email", cancellationToken) ?? [];

    /// <summary>Polls until a message to <paramref name="recipient"/> matching <paramref name="predicate"/> arrives.</summary>
    public async Task<MaildevEmail> WaitForEmailAsync(
        string recipient, Func<MaildevEmail, bool>? predicate = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var emails = await GetEmailsAsync(cancellationToken);
            var match = emails.LastOrDefault(e =>
                e.To.Any(t => string.Equals(t.Address, recipient, StringComparison.OrdinalIgnoreCase)) &&
                (predicate is null || predicate(e)));
            if (match is not null)
            {
                return match;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"No e-mail to {recipient} arrived. Inbox: {string.Join("; ", emails.Select(e => $"{string.Join(",", e.To.Select(t => t.Address))}: {e.Subject}"))}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync("api/email/all", cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}

public sealed record MaildevEmail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("to")] IReadOnlyList<MaildevAddress> To,
    [property: JsonPropertyName("from")] IReadOnlyList<MaildevAddress> From,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, object>? Headers,
    [property: JsonPropertyName("attachments")] IReadOnlyList<MaildevAttachment>? Attachments);

public sealed record MaildevAddress(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("name")] string? Name);

public sealed record MaildevAttachment(
    [property: JsonPropertyName("fileName")] string? FileName,
    [property: JsonPropertyName("contentType")] string? ContentType,
    [property: JsonPropertyName("generatedFileName")] string? GeneratedFileName);
