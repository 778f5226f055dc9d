using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Timeout;

namespace QuyCheWorkflow.Storage.Pipeline;

/// <summary>
/// Sends one storage operation: builds a fresh request per attempt, dates and authorizes it, runs it through the
/// retry pipeline and turns every failure into <see cref="StorageRequestFailedException"/>. Thread-safe.
/// </summary>
internal sealed class StoragePipeline
{
    public static readonly ResiliencePropertyKey<string> OperationProperty = new("QuyCheWorkflow.Storage.Operation");

    private static readonly ProductInfoHeaderValue s_userAgent = new("QuyCheWorkflow.Storage", "1.0");

    private readonly StorageConnection _connection;
    private readonly StorageTransport _transport;
    private readonly BearerTokenCache? _tokens;
    private readonly string _version;

    public StoragePipeline(StorageConnection connection, StorageClientOptions? options, StorageService service)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _transport = (options ?? StorageClientOptions.Default).GetTransport();
        Service = service;
        Endpoint = connection.GetEndpoint(service);
        // Tables accept bearer tokens from 2019-02-02 on; blobs and queues take a newer version for MD5 and TTL=-1.
        _version = service == StorageService.Table ? "2019-02-02" : "2021-12-02";
        if (connection.AccountKey is null)
        {
            _tokens = new BearerTokenCache(connection.TokenCredential!, _transport.TimeProvider, _transport.Logger);
        }
    }

    public StorageService Service { get; }

    public StorageTransport Transport => _transport;

    public Uri Endpoint { get; }

    /// <summary>The endpoint followed by an already escaped relative path (and query).</summary>
    public Uri Resource(string escapedRelative) => new(Endpoint.AbsoluteUri.TrimEnd('/') + "/" + escapedRelative);

    /// <summary>
    /// Sends the request <paramref name="createRequest"/> builds (called once per attempt). Returns the response when
    /// its status is a success or <paramref name="tolerated"/>; the caller disposes it.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        string operation,
        RetryMode mode,
        Func<HttpRequestMessage> createRequest,
        CancellationToken cancellationToken,
        HttpStatusCode? tolerated = null,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationProperty, operation);
        HttpResponseMessage response;
        try
        {
            var state = (Pipeline: this, Operation: operation, Create: createRequest, Completion: completion);
            response = await _transport.RetryPolicies.For(mode).ExecuteAsync(
                static async (ctx, s) => await s.Pipeline.SendOnceAsync(s.Operation, s.Create, s.Completion, ctx.CancellationToken),
                context,
                state);
        }
        catch (HttpRequestException exception)
        {
            throw Unreachable(operation, exception.Message, exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw Unreachable(operation, "no response within the per-try timeout", exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == tolerated)
        {
            return response;
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // A revoked or rotated token: the next call fetches a fresh one instead of reusing the cached one.
            _tokens?.Invalidate();
        }

        using (response)
        {
            throw await ErrorResponse.CreateExceptionAsync(operation, response, _transport.Logger, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        string operation, Func<HttpRequestMessage> createRequest, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = createRequest();
        request.Options.Set(StorageRequestCounter.OperationKey, operation);
        request.Headers.TryAddWithoutValidation("x-ms-version", _version);
        request.Headers.UserAgent.Add(s_userAgent);
        request.Headers.TryAddWithoutValidation("x-ms-date", _transport.TimeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        if (_tokens is not null)
        {
            var token = await _tokens.GetTokenAsync(cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else
        {
            SharedKeySigner.Sign(request, Service, _connection.AccountName, _connection.AccountKey!);
        }

        return await _transport.HttpClient.SendAsync(request, completion, cancellationToken);
    }

    private StorageRequestFailedException Unreachable(string operation, string reason, Exception exception) =>
        new(0, null, null, $"{operation} failed: the {Service} service at {Endpoint.Authority} did not answer ({reason}). The condition is transient.", exception);
}
