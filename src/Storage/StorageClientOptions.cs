using System.Net;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Storage.Pipeline;
using QuyCheWorkflow.Storage.Queues;

namespace QuyCheWorkflow.Storage;

/// <summary>
/// Settings shared by the storage clients. Set everything before the first client is constructed from an instance:
/// that client builds one HTTP pipeline (a <see cref="SocketsHttpHandler"/> behind the <see cref="Handlers"/>), and
/// every client later built from the same instance shares it, so changes made afterwards are not seen.
/// </summary>
public sealed class StorageClientOptions
{
    private readonly Lock _gate = new();
    private StorageTransport? _transport;

    /// <summary>
    /// The clock for request dates (x-ms-date) and bearer-token expiry. Retry back-off and per-try timeouts always run
    /// on real time, so a test clock that only moves when told cannot stall a retry.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Whether transient failures are retried at all (default true). Which operations are retried, and on which
    /// failures, is documented on each client method.
    /// </summary>
    public bool Retry { get; set; } = true;

    /// <summary>Retries after the first attempt (default 4, so at most five attempts; 0 for none).</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first retry's back-off (default 200 ms); it doubles per retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest back-off between two attempts (default 8 s), also the cap on a server's Retry-After.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// How long one attempt may take, until its response headers arrive, before it is abandoned as a transient
    /// failure (default 30 s; at least 10 ms; <see cref="Timeout.InfiniteTimeSpan"/> for none).
    /// </summary>
    public TimeSpan PerTryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a pooled connection is reused (default 2 minutes). Bounding it lets a client follow DNS changes and
    /// drop connections to a server that restarted.
    /// </summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Handlers inserted between the clients and the network, outermost first. They see every attempt, already signed,
    /// and may answer without calling the network (fault injection, request capture) or count requests
    /// (<see cref="StorageRequestCounter"/>). A handler instance can belong to one options instance only.
    /// The operation of a request is in <c>request.Options</c> under <see cref="StorageRequestCounter.OperationKey"/>.
    /// </summary>
    public IList<DelegatingHandler> Handlers { get; } = [];

    /// <summary>How queue message text travels on the wire (default base64 of UTF-8, what Azure Functions expects).</summary>
    public QueueMessageEncoding QueueMessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>Where retries and failures are logged (never with keys, signatures, tokens or URLs' query strings).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    internal static StorageClientOptions Default { get; } = new();

    internal StorageTransport GetTransport()
    {
        lock (_gate)
        {
            return _transport ??= new StorageTransport(this);
        }
    }

    internal HttpMessageHandler CreateHandlerChain()
    {
        HttpMessageHandler handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = PooledConnectionLifetime,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        };
        for (var i = Handlers.Count - 1; i >= 0; i--)
        {
            Handlers[i].InnerHandler = handler;
            handler = Handlers[i];
        }

        return handler;
    }
}
