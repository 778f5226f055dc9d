using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace QuyCheWorkflow.Storage.Pipeline;

/// <summary>The Polly pipelines: per-try timeout inside exponential back-off with jitter.</summary>
internal sealed class RetryPolicies
{
    private readonly ResiliencePipeline<HttpResponseMessage> _idempotent;
    private readonly ResiliencePipeline<HttpResponseMessage> _notIdempotent;

    public RetryPolicies(StorageClientOptions options, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetryAttempts);
        if (options.PerTryTimeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(options.PerTryTimeout, TimeSpan.FromMilliseconds(10), nameof(options.PerTryTimeout));
        }
        _idempotent = Build(options, logger, RetryMode.Idempotent);
        _notIdempotent = Build(options, logger, RetryMode.NotIdempotent);
    }

    public ResiliencePipeline<HttpResponseMessage> For(RetryMode mode) =>
        mode == RetryMode.Idempotent ? _idempotent : _notIdempotent;

    /// <summary>True for the statuses that mean "try again later" rather than "this request is wrong".</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>True when the request cannot have reached the server, so even a non-idempotent one may be sent again.</summary>
    public static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError ||
        exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound };

    private static ResiliencePipeline<HttpResponseMessage> Build(StorageClientOptions options, ILogger logger, RetryMode mode)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.Retry && options.MaxRetryAttempts > 0)
        {
            var maxDelay = options.MaxRetryDelay;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                MaxDelay = maxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, mode)),
                DelayGenerator = args =>
                    ValueTask.FromResult<TimeSpan?>(args.Outcome.Result?.Headers.RetryAfter?.Delta is { } after
                        ? TimeSpan.FromTicks(Math.Min(after.Ticks, maxDelay.Ticks))
                        : null),
                OnRetry = args =>
                {
                    var operation = args.Context.Properties.GetValue(StoragePipeline.OperationProperty, "unknown");
                    var status = (int?)args.Outcome.Result?.StatusCode ?? 0;
                    Log.RetryingRequest(logger, operation, args.AttemptNumber + 1, status, args.Outcome.Exception?.GetType().Name, args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (options.PerTryTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.PerTryTimeout);
        }

        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, RetryMode mode) => outcome switch
    {
        { Exception: HttpRequestException exception } => mode == RetryMode.Idempotent || NeverSent(exception),
        { Exception: TimeoutRejectedException } => mode == RetryMode.Idempotent,
        { Exception: not null } => false,
        { Result: { } response } => mode == RetryMode.Idempotent && IsTransientStatus(response.StatusCode),
        _ => false,
    };
}
