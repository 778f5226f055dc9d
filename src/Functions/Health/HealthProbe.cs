using Azure;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Functions.Storage;

namespace QuyCheWorkflow.Functions.Health;

/// <summary>
/// Probes blob, queue, table and SMTP in parallel, each with a short timeout and no retries, so the health
/// endpoint answers quickly even when a dependency hangs. Probes only read; they create nothing.
/// </summary>
public sealed class HealthProbe
{
    // A name nothing uses: answering "not found" for it proves the service is reachable and accepts our credential.
    private const string ProbeResourceName = "qcwhealthprobe";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);

    private readonly IServiceProvider _services;
    private readonly IConfiguration _configuration;
    private readonly TimeProvider _timeProvider;

    public HealthProbe(IServiceProvider services, IConfiguration configuration, TimeProvider timeProvider)
    {
        _services = services;
        _configuration = configuration;
        _timeProvider = timeProvider;
    }

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var storage = CreateStorageClients();
        var blob = TimeAsync(ct => ProbeStorageAsync(storage, s => s.Blob.GetBlobContainerClient(ProbeResourceName).ExistsAsync(ct), ct), cancellationToken);
        var queue = TimeAsync(ct => ProbeStorageAsync(storage, s => s.Queue.GetQueueClient(ProbeResourceName).ExistsAsync(ct), ct), cancellationToken);
        var table = TimeAsync(
            ct => ProbeStorageAsync(storage, s => s.Table.GetTableClient(ProbeResourceName).GetEntityIfExistsAsync<TableEntity>("probe", "probe", cancellationToken: ct), ct),
            cancellationToken);
        var smtp = TimeAsync(ct => SmtpProbe.ProbeAsync(_configuration, s_timeout, ct), cancellationToken);
        var checks = new Dictionary<string, HealthCheckResult>
        {
            ["blob"] = await blob,
            ["queue"] = await queue,
            ["table"] = await table,
            ["smtp"] = await smtp,
        };
        var status = checks.Values.Any(c => c.Status == HealthCheckStatus.Error) ? HealthCheckStatus.Error : HealthCheckStatus.Ok;
        return new HealthReport(status, checks);
    }

    private (BlobServiceClient Blob, QueueServiceClient Queue, TableServiceClient Table)? CreateStorageClients()
    {
        StorageAccount account;
        try
        {
            account = _services.GetRequiredService<StorageAccount>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        // Own options: a health probe must not sit through the app's retries and back-off.
        var shared = _services.GetRequiredService<StorageOptions>();
        var options = new StorageOptions
        {
            ServiceVersion = shared.ServiceVersion,
            Transport = shared.Transport,
            MaxRetries = 0,
            NetworkTimeout = s_timeout,
        };
        return (
            account.CreateBlobServiceClient(options.CreateBlobClientOptions()),
            account.CreateQueueServiceClient(options.CreateQueueClientOptions()),
            account.CreateTableServiceClient(options.CreateTableClientOptions()));
    }

    private static async Task<(HealthCheckStatus, string)> ProbeStorageAsync<T>(
        (BlobServiceClient Blob, QueueServiceClient Queue, TableServiceClient Table)? clients,
        Func<(BlobServiceClient Blob, QueueServiceClient Queue, TableServiceClient Table), Task<T>> probe,
        CancellationToken cancellationToken)
    {
        if (clients is null)
        {
            return (HealthCheckStatus.Error, "storage is not configured");
        }

        try
        {
            await probe(clients.Value);
            return (HealthCheckStatus.Ok, "reachable");
        }
        catch (AuthenticationFailedException)
        {
            return (HealthCheckStatus.Error, "no token for the storage account");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is RequestFailedException or AggregateException or OperationCanceledException)
        {
            return StorageFailure.StatusOf(exception) switch
            {
                404 => (HealthCheckStatus.Ok, "reachable"),
                null => (HealthCheckStatus.Error, "unreachable"),
                var status => (HealthCheckStatus.Error, $"HTTP {status} {StorageFailure.ErrorCodeOf(exception)}".TrimEnd()),
            };
        }
    }

    private async Task<HealthCheckResult> TimeAsync(
        Func<CancellationToken, Task<(HealthCheckStatus Status, string Reason)>> probe, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var (status, reason) = await probe(cancellationToken);
        var elapsed = _timeProvider.GetElapsedTime(started);
        return new HealthCheckResult(status, reason, Math.Round(elapsed.TotalMilliseconds, 1));
    }
}
