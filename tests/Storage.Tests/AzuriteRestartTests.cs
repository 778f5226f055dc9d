using System.Globalization;
using QuyCheWorkflow.Storage.Blobs;
using QuyCheWorkflow.Storage.Queues;
using QuyCheWorkflow.Storage.Tables;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Storage.Tests;

/// <summary>Stops and restarts an Azurite of its own under live clients.</summary>
public sealed class AzuriteRestartTests
{
    private const int Before = 10;
    private const int During = 5;
    private const int After = 5;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Clients_AzuriteStoppedAndRestarted_RecoverAndKeepEveryAcknowledgedWrite()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        var options = new StorageClientOptions
        {
            MaxRetryAttempts = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(100),
            PerTryTimeout = TimeSpan.FromSeconds(10),
        };
        var connection = StorageConnection.Parse(azurite.ConnectionString);
        var table = new TableServiceClient(connection, options).GetTableClient("restart");
        var queue = new QueueServiceClient(connection, options).GetQueueClient("restart");
        var container = new BlobServiceClient(connection, options).GetBlobContainerClient("restart");
        await table.CreateIfNotExistsAsync(_ct);
        await queue.CreateIfNotExistsAsync(_ct);
        await container.CreateIfNotExistsAsync(_ct);
        var acknowledged = new List<int>();
        var failures = new List<StorageRequestFailedException>();
        for (var i = 0; i < Before; i++)
        {
            await WriteAllAsync(i);
            acknowledged.Add(i);
        }

        await azurite.StopAsync();
        for (var i = Before; i < Before + During; i++)
        {
            try
            {
                await WriteAllAsync(i);
                acknowledged.Add(i);
            }
            catch (StorageRequestFailedException failure)
            {
                failures.Add(failure);
            }
        }

        // An idempotent write with a long retry budget, in flight across the restart.
        var patient = new TableServiceClient(connection, new StorageClientOptions
        {
            MaxRetryAttempts = 30,
            RetryBaseDelay = TimeSpan.FromMilliseconds(200),
            MaxRetryDelay = TimeSpan.FromMilliseconds(500),
        }).GetTableClient("restart");
        var inFlight = patient.UpsertEntityAsync(new TableEntity("p", "in-flight"), TableUpdateMode.Replace, _ct);
        await azurite.RestartAsync();
        await inFlight;
        for (var i = Before + During; i < Before + During + After; i++)
        {
            await WriteAllAsync(i);
            acknowledged.Add(i);
        }

        Assert.Equal(During, failures.Count);
        Assert.All(failures, f => Assert.True(f.IsTransient));
        Assert.All(failures, f => Assert.Equal(0, f.Status));
        Assert.NotNull(await table.GetEntityIfExistsAsync("p", "in-flight", cancellationToken: _ct));
        var rows = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"p"}"), cancellationToken: _ct).Select(e => e.RowKey).ToListAsync(_ct);
        var blobs = await container.ListBlobsAsync(cancellationToken: _ct).Select(b => b.Name).ToListAsync(_ct);
        var messages = new List<string>();
        for (var batch = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), _ct); batch.Count > 0; batch = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), _ct))
        {
            messages.AddRange(batch.Select(m => m.MessageText));
        }

        foreach (var key in acknowledged.Select(Key))
        {
            Assert.Contains(key, rows);
            Assert.Contains(key, blobs);
            Assert.Contains(key, messages);
        }

        async Task WriteAllAsync(int i)
        {
            await table.AddEntityAsync(new TableEntity("p", Key(i)) { ["I"] = i }, _ct);
            await container.UploadBlobAsync(Key(i), BinaryData.FromString(Key(i)), cancellationToken: _ct);
            await queue.SendMessageAsync(Key(i), cancellationToken: _ct);
        }
    }

    private static string Key(int i) => i.ToString("D3", CultureInfo.InvariantCulture);
}
