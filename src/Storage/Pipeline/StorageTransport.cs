using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QuyCheWorkflow.Storage.Pipeline;

/// <summary>The HTTP client and settings snapshot shared by every client built from one options instance.</summary>
internal sealed class StorageTransport
{
    public StorageTransport(StorageClientOptions options)
    {
        // Timeouts are per attempt (Polly), so the client itself never times out a whole retried operation.
        HttpClient = new HttpClient(options.CreateHandlerChain(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        TimeProvider = options.TimeProvider;
        Logger = options.LoggerFactory?.CreateLogger("QuyCheWorkflow.Storage") ?? NullLogger.Instance;
        QueueMessageEncoding = options.QueueMessageEncoding;
        RetryPolicies = new RetryPolicies(options, Logger);
    }

    public HttpClient HttpClient { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public RetryPolicies RetryPolicies { get; }

    public Queues.QueueMessageEncoding QueueMessageEncoding { get; }
}
