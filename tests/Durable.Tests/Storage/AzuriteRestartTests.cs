using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests.Storage;

/// <summary>Stops and restarts an Azurite of its own under live SDK clients.</summary>
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
        var options = TestStorageOptions.Create();
        options.Delay = TimeSpan.FromMilliseconds(20);
        options.MaxDelay = TimeSpan.FromMilliseconds(100);
        var table = azurite.CreateTableServiceClient(options).GetTableClient("restart");
        var queue = azurite.CreateQueueServiceClient(options).GetQueueClient("restart");
        var container = azurite.CreateBlobServiceClient(options).GetBlobContainerClient("restart");
        await table.CreateIfNotExistsAsync(_ct);
        await queue.CreateIfNotExistsAsync(cancellationToken: _ct);
        await container.CreateIfNotExistsAsync(cancellationToken: _ct);
        var acknowledged = new List<int>();
        var failures = new List<Exception>();
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
            catch (Exception failure) when (StorageFailure.IsTransient(failure))
            {
                failures.Add(failure);
            }
        }

        // An idempotent write with a long retry budget, in flight across the restart.
        var patientOptions = TestStorageOptions.Create();
        patientOptions.MaxRetries = 30;
        patientOptions.Delay = TimeSpan.FromMilliseconds(200);
        patientOptions.MaxDelay = TimeSpan.FromMilliseconds(500);
        var patient = azurite.CreateTableServiceClient(patientOptions).GetTableClient("restart");
        var inFlight = patient.UpsertEntityAsync(new TableEntity("p", "in-flight"), TableUpdateMode.Replace, _ct);
        await azurite.RestartAsync();
        await inFlight;
        for (var i = Before + During; i < Before + During + After; i++)
        {
            await WriteAllAsync(i);
            acknowledged.Add(i);
        }

        Assert.Equal(During, failures.Count);
        Assert.All(failures, f => Assert.Null(StorageFailure.StatusOf(f)));
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "in-flight", cancellationToken: _ct)).HasValue);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"p"}");
        var rows = await table.QueryAsync<TableEntity>(filter, cancellationToken: _ct).Select(e => e.RowKey).ToListAsync(_ct);
        var blobs = await container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, _ct).Select(b => b.Name).ToListAsync(_ct);
        var messages = new List<string>();
        for (var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), _ct)).Value; batch.Length > 0; batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), _ct)).Value)
        {
            messages.AddRange(batch.Select(m => m.Body.ToString()));
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
            await container.GetBlobClient(Key(i)).UploadAsync(BinaryData.FromString(Key(i)), overwrite: true, _ct);
            await queue.SendMessageAsync(Key(i), _ct);
        }
    }

    private static string Key(int i) => i.ToString("D3", CultureInfo.InvariantCulture);
}
