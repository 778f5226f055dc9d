using System.Net.Http;
using Azure;

namespace QuyCheWorkflow.Durable.Storage;

/// <summary>
/// Classifies what a storage call threw, so callers decide in one place. Understands
/// <see cref="RequestFailedException"/> (and <c>TableTransactionFailedException</c>, which derives from it), the
/// <see cref="AggregateException"/> the SDK throws after its last retry (judged by its last attempt), network errors
/// and the per-try timeout. A cancellation the caller asked for is none of these.
/// </summary>
public static class StorageFailure
{
    /// <summary>The HTTP status of the failure, or null when no response came (network error, timeout).</summary>
    public static int? StatusOf(Exception exception) =>
        Unwrap(exception) is RequestFailedException { Status: > 0 } failed ? failed.Status : null;

    /// <summary>The storage error code (<c>EntityAlreadyExists</c>, <c>PopReceiptMismatch</c>...), or null.</summary>
    public static string? ErrorCodeOf(Exception exception) =>
        Unwrap(exception) is RequestFailedException failed ? failed.ErrorCode : null;

    /// <summary>
    /// Whether trying again later may succeed: 408, 429, 500, 502, 503, 504, a network error or the per-try timeout.
    /// Says nothing about whether the failed request took effect.
    /// </summary>
    public static bool IsTransient(Exception exception)
    {
        var last = Unwrap(exception);
        if (last is RequestFailedException { Status: > 0 } failed)
        {
            return IsTransientStatus(failed.Status);
        }

        for (var current = last; current is not null; current = current.InnerException)
        {
            if (current is IOException or HttpRequestException or TimeoutException)
            {
                return true;
            }
        }

        // The SDK's per-try timeout surfaces as a TaskCanceledException (over the timeout's own token, so its token
        // is cancelled too) whose message names the configured timeout; a caller's cancellation says nothing of a timeout.
        return last is OperationCanceledException canceled && canceled.Message.Contains("timeout", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the entity, message, blob, table, queue or container does not exist (404).</summary>
    public static bool IsNotFound(Exception exception) => StatusOf(exception) == 404;

    /// <summary>Whether the target already exists or is leased by someone else (409).</summary>
    public static bool IsConflict(Exception exception) => StatusOf(exception) == 409;

    /// <summary>Whether an <c>If-Match</c> (ETag) or lease condition did not hold (412).</summary>
    public static bool IsPreconditionFailed(Exception exception) => StatusOf(exception) == 412;

    /// <summary>Whether an HTTP status is one worth retrying: 408, 429, 500, 502, 503, 504.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>The exception to judge: the last attempt's when the SDK aggregated its retries.</summary>
    public static Exception Unwrap(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var current = exception;
        while (current is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            current = aggregate.InnerExceptions[^1];
        }

        return current;
    }
}
