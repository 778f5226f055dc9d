using System.Net.Http;
using System.Net.Sockets;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace QuyCheWorkflow.Durable.Storage;

/// <summary>
/// Retries storage requests with exponential back-off, but never sends a non-idempotent request twice once it may
/// have reached the service. The SDK's own policy resends every request on 5xx and timeouts, so a table insert whose
/// answer was lost comes back as <c>409 EntityAlreadyExists</c> and a queue message is put twice; this one does not.
/// <list type="bullet">
/// <item>Non-idempotent: every <c>POST</c> (table insert, table transaction <c>$batch</c>, table creation, queue put),
/// every create-only request (<c>If-None-Match: *</c>) and queue message updates (a <c>PUT</c> with a pop receipt,
/// which the first attempt voids). Resent only when it certainly never left: the connection could not be established
/// (refused, unreachable) or the name did not resolve.</item>
/// <item>Idempotent (reads, <c>PUT</c>/<c>MERGE</c>/<c>DELETE</c> with or without <c>If-Match</c>, queue deletes with a pop
/// receipt): resent on 408, 429, 500, 502, 503, 504, on the per-try timeout and on network errors. A resend of a
/// conditional write that had succeeded answers 412 (or 404 for a delete): callers that use conditions handle those anyway.</item>
/// </list>
/// A cancellation asked for by the caller is never retried. Thread-safe; one instance may serve many clients.
/// </summary>
public sealed class StorageRetryPolicy : Azure.Core.Pipeline.RetryPolicy
{
    private const string AttemptsProperty = "QuyCheWorkflow.StorageRetryPolicy.Attempts";

    private readonly int _maxRetries;

    /// <summary>Creates the policy.</summary>
    /// <param name="maxRetries">Retries after the first attempt.</param>
    /// <param name="delay">The first back-off; it doubles per retry, with jitter.</param>
    /// <param name="maxDelay">The longest back-off; a server's Retry-After is honoured up to it.</param>
    public StorageRetryPolicy(int maxRetries, TimeSpan delay, TimeSpan maxDelay)
        : base(maxRetries, DelayStrategy.CreateExponentialDelayStrategy(delay, maxDelay))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        _maxRetries = maxRetries;
    }

    /// <summary>Whether the request may be resent safely after it reached the service.</summary>
    public static bool IsIdempotent(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == RequestMethod.Post)
        {
            return false;
        }

        // A queue message update answers with a new pop receipt and voids the old one: a resend after the first took
        // effect holds a stale receipt and fails (400 PopReceiptMismatch), hiding the success.
        if (request.Method == RequestMethod.Put && request.Uri.Query.Contains("popreceipt=", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !(request.Headers.TryGetValue("If-None-Match", out var ifNoneMatch) && ifNoneMatch == "*");
    }

    /// <inheritdoc />
    protected override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.SetProperty(AttemptsProperty, AttemptsOf(message) + 1);
        base.OnSendingRequest(message);
    }

    /// <inheritdoc />
    protected override ValueTask OnSendingRequestAsync(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.SetProperty(AttemptsProperty, AttemptsOf(message) + 1);
        return base.OnSendingRequestAsync(message);
    }

    /// <inheritdoc />
    protected override bool ShouldRetry(HttpMessage message, Exception? exception) => Decide(message, exception);

    /// <inheritdoc />
    protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) => new(Decide(message, exception));

    private bool Decide(HttpMessage message, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (AttemptsOf(message) > _maxRetries || message.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (exception is null)
        {
            return message.HasResponse && IsIdempotent(message.Request) && StorageFailure.IsTransientStatus(message.Response.Status);
        }

        if (NeverLeft(exception))
        {
            return true;
        }

        return IsIdempotent(message.Request) && StorageFailure.IsTransient(exception);
    }

    private static int AttemptsOf(HttpMessage message) =>
        message.TryGetProperty(AttemptsProperty, out var value) && value is int attempts ? attempts : 0;

    private static bool NeverLeft(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            // Both are raised before a byte of the request is written.
            if (current is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError })
            {
                return true;
            }

            if (current is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
            {
                return true;
            }
        }

        return false;
    }
}
