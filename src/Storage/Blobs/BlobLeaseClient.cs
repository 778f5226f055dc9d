using System.Globalization;
using QuyCheWorkflow.Storage.Pipeline;

namespace QuyCheWorkflow.Storage.Blobs;

/// <summary>
/// Leases on one blob: a lease makes writes and deletes require its id. Immutable and thread-safe. Acquire proposes
/// <see cref="LeaseId"/>, so repeating it while holding the lease succeeds; every operation is therefore retried on
/// transient failures. A release or break repeated after a lost response may report 409 LeaseNotPresent.
/// </summary>
public sealed class BlobLeaseClient
{
    private readonly StoragePipeline _pipeline;
    private readonly string _path;

    internal BlobLeaseClient(StoragePipeline pipeline, string path, string leaseId)
    {
        _pipeline = pipeline;
        _path = path;
        LeaseId = leaseId;
    }

    /// <summary>The lease id this client acquires, renews and releases.</summary>
    public string LeaseId { get; }

    /// <summary>
    /// Acquires the lease for 15 to 60 seconds, or forever with <see cref="Timeout.InfiniteTimeSpan"/>. Fails with
    /// 409 LeaseAlreadyPresent when another lease holds the blob.
    /// </summary>
    public async Task<BlobLease> AcquireAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        string seconds;
        if (duration == Timeout.InfiniteTimeSpan)
        {
            seconds = "-1";
        }
        else if (duration >= TimeSpan.FromSeconds(15) && duration <= TimeSpan.FromSeconds(60))
        {
            seconds = ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts 15 to 60 seconds, or is infinite.");
        }

        return await LeaseAsync("Blob.AcquireLease", "acquire", cancellationToken, ("x-ms-lease-duration", seconds), ("x-ms-proposed-lease-id", LeaseId));
    }

    /// <summary>Restarts the lease's duration. Fails with 409 when another lease holds the blob.</summary>
    public Task<BlobLease> RenewAsync(CancellationToken cancellationToken = default) =>
        LeaseAsync("Blob.RenewLease", "renew", cancellationToken, ("x-ms-lease-id", LeaseId));

    /// <summary>Releases the lease so another may be acquired at once.</summary>
    public Task<BlobLease> ReleaseAsync(CancellationToken cancellationToken = default) =>
        LeaseAsync("Blob.ReleaseLease", "release", cancellationToken, ("x-ms-lease-id", LeaseId));

    /// <summary>
    /// Breaks whatever lease holds the blob (no id needed), after <paramref name="breakPeriod"/> (0 to 60 seconds;
    /// default: the rest of a finite lease, or at once for an infinite one). Returns the time until it is broken.
    /// </summary>
    public async Task<TimeSpan> BreakAsync(TimeSpan? breakPeriod = null, CancellationToken cancellationToken = default)
    {
        var headers = new List<(string, string)>();
        if (breakPeriod is { } period)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(period, TimeSpan.FromSeconds(60));
            headers.Add(("x-ms-lease-break-period", ((int)period.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        }

        using var response = await SendAsync("Blob.BreakLease", "break", headers, cancellationToken);
        var time = ErrorResponse.HeaderValue(response, "x-ms-lease-time");
        return TimeSpan.FromSeconds(time is null ? 0 : int.Parse(time, CultureInfo.InvariantCulture));
    }

    private async Task<BlobLease> LeaseAsync(string operation, string action, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        using var response = await SendAsync(operation, action, headers, cancellationToken);
        var etag = response.Headers.ETag is { } tag ? new ETag(tag.ToString()) : default;
        return new BlobLease(
            ErrorResponse.HeaderValue(response, "x-ms-lease-id") ?? LeaseId,
            etag,
            response.Content.Headers.LastModified ?? default);
    }

    private Task<HttpResponseMessage> SendAsync(string operation, string action, IReadOnlyList<(string Name, string Value)> headers, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(
            operation,
            RetryMode.Idempotent,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, _pipeline.Resource(_path + "?comp=lease"));
                request.Headers.TryAddWithoutValidation("x-ms-lease-action", action);
                foreach (var (name, value) in headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                return request;
            },
            cancellationToken);
}
