using System.Net;

namespace QuyCheWorkflow.Storage.Tests;

/// <summary>
/// Fails the first <c>failures</c> requests of one operation with <c>status</c> (or a connection error when null),
/// passing everything else to the network. Counts the attempts of that operation.
/// </summary>
internal sealed class FaultInjectingHandler(string operation, int failures, HttpStatusCode? status) : DelegatingHandler
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(StorageRequestCounter.OperationKey, out var name) && name == operation &&
            Interlocked.Increment(ref _attempts) <= failures)
        {
            if (status is null)
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Injected connection failure.");
            }

            return Task.FromResult(new HttpResponseMessage(status.Value) { RequestMessage = request, Content = new StringContent(string.Empty) });
        }

        return base.SendAsync(request, cancellationToken);
    }
}
