using System.Diagnostics;
using Azure.Identity;
using QuyCheWorkflow.Storage;
using QuyCheWorkflow.Storage.Blobs;
using QuyCheWorkflow.Storage.Queues;
using QuyCheWorkflow.Storage.Tables;

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
        var blob = TimeAsync(ct => ProbeStorageAsync(storage, s => s.Blob.GetBlobContainerClient(ProbeResourceName).ExistsAsync(ct)), cancellationToken);
        var queue = TimeAsync(ct => ProbeStorageAsync(storage, s => s.Queue.GetQueueClient(ProbeResourceName).ExistsAsync(ct)), cancellationToken);
        var table = TimeAsync(ct => ProbeStorageAsync(storage, s => s.Table.GetTableClient(ProbeResourceName).GetEntityIfExistsAsync("probe", "probe", cancellationToken: ct)), cancellationToken);
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
        StorageConnection connection;
        try
        {
            connection = _services.GetRequiredService<StorageConnection>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        // Own options: a health probe must not sit through the app's retries and back-off.
        var options = new StorageClientOptions { Retry = false, PerTryTimeout = s_timeout, TimeProvider = _timeProvider };
        return (new BlobServiceClient(connection, options), new QueueServiceClient(connection, options), new TableServiceClient(connection, options));
    }

    private static async Task<(HealthCheckStatus, string)> ProbeStorageAsync<T>(
        (BlobServiceClient Blob, QueueServiceClient Queue, TableServiceClient Table)? clients,
        Func<(BlobServiceClient Blob, QueueServiceClient Queue, TableServiceClient Table), Task<T>> probe)
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
        catch (StorageRequestFailedException exception) when (exception.Status == 404)
        {
            return (HealthCheckStatus.Ok, "reachable");
        }
        catch (StorageRequestFailedException exception)
        {
            return (HealthCheckStatus.Error, exception.Status == 0
                ? "unreachable"
                : $"HTTP {exception.Status} {exception.ErrorCode}".TrimEnd());
        }
        catch (AuthenticationFailedException)
        {
            return (HealthCheckStatus.Error, "no token for the storage account");
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
