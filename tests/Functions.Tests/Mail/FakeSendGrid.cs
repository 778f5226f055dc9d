using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Functions.Tests.Mail;

/// <summary>
/// A local HTTP listener (Kestrel on 127.0.0.1, port chosen by the OS) standing in for SendGrid's
/// <c>POST /v3/mail/send</c>. It records every request, validates its body against SendGrid's official schema
/// (<see cref="SendGridMailSchema"/>) and refuses an invalid one with 400 as SendGrid would; otherwise it answers
/// from a script, then 202.
/// </summary>
internal sealed class FakeSendGrid : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SendGridReply> _script;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    private FakeSendGrid(IEnumerable<SendGridReply> script)
    {
        _script = new ConcurrentQueue<SendGridReply>(script);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v3/mail/send", HandleAsync);
    }

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public static async Task<FakeSendGrid> StartAsync(params SendGridReply[] script)
    {
        var server = new FakeSendGrid(script);
        await server._app.StartAsync(TestContext.Current.CancellationToken);
        server.Endpoint = new Uri(server._app.Urls.Single());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TestContext.Current.CancellationToken);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var schemaErrors = await SendGridMailSchema.ValidateAsync(body);
        _requests.Enqueue(new ReceivedRequest(
            context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body, schemaErrors));
        var reply = schemaErrors.Count > 0 ? SendGridReply.SchemaViolation(schemaErrors)
            : _script.TryDequeue(out var next) ? next
            : SendGridReply.Accepted;
        if (reply.Hang)
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client timed out and dropped the connection, as this reply is meant to make it do.
            }

            return;
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (reply.Body is { } replyBody)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(replyBody, context.RequestAborted);
        }
    }
}
