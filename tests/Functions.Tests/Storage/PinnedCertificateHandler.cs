using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace QuyCheWorkflow.Functions.Tests.Storage;

/// <summary>
/// Sends requests over its own connection that trusts exactly one self-signed certificate (the test Azurite's),
/// answering for the storage pipeline instead of passing the request to it. Test-only: nothing in src/ relaxes TLS.
/// Also records each request's Authorization scheme and x-ms-version.
/// </summary>
internal sealed class PinnedCertificateHandler : DelegatingHandler
{
    private readonly HttpMessageInvoker _invoker;
    private readonly List<(string? Scheme, string? Version)> _seen = [];

    public PinnedCertificateHandler(X509Certificate2 certificate)
    {
        var thumbprint = certificate.Thumbprint;
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && string.Equals(presented.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase),
            },
        });
    }

    public IReadOnlyList<(string? Scheme, string? Version)> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_seen)
        {
            _seen.Add((request.Headers.Authorization?.Scheme,
                request.Headers.TryGetValues("x-ms-version", out var versions) ? versions.FirstOrDefault() : null));
        }

        return _invoker.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _invoker.Dispose();
        }

        base.Dispose(disposing);
    }
}
