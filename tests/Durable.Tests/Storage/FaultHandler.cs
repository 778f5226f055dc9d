using System.Net;
using System.Net.Sockets;
using Azure.Core.Pipeline;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests.Storage;

/// <summary>
/// Fails the first <c>failures</c> attempts matching a predicate in the way <see cref="Fault"/> says, passing
/// everything else to the network; counts the matching attempts.
/// </summary>
internal sealed class FaultHandler(Func<HttpRequestMessage, bool> matches, Fault fault, int failures = 1) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public static bool IsPost(HttpRequestMessage request, string lastSegment) =>
        request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/" + lastSegment, StringComparison.Ordinal);

    /// <summary>Test storage options whose transport goes through this handler.</summary>
    public StorageOptions Options(StorageRequestCounter? counter = null)
    {
        var options = TestStorageOptions.Create();
        options.Transport = new HttpClientTransport(this);
        if (counter is not null)
        {
            options.PerRetryPolicies.Add(counter);
        }

        return options;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!matches(request) || Interlocked.Increment(ref _attempts) > failures)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        if (fault == Fault.ConnectionRefused)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Injected refused connection.", new SocketException((int)SocketError.ConnectionRefused));
        }

        using var delivered = await base.SendAsync(request, cancellationToken);
        if (fault == Fault.AnswerLostAfterDelivery)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "Injected lost answer.", new IOException("Injected connection reset."));
        }

        return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request, Content = new StringContent(string.Empty) };
    }
}
