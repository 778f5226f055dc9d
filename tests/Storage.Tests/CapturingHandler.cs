using System.Net;

namespace QuyCheWorkflow.Storage.Tests;

/// <summary>Answers every request itself with the given status, remembering what was sent.</summary>
internal sealed class CapturingHandler(Func<HttpRequestMessage, HttpStatusCode> answer) : DelegatingHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public IReadOnlyList<HttpRequestMessage> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }

        return Task.FromResult(new HttpResponseMessage(answer(request)) { RequestMessage = request, Content = new ByteArrayContent([]) });
    }
}
