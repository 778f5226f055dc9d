using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using QuyCheWorkflow.Durable.Storage;

namespace QuyCheWorkflow.Storage.Bench;

/// <summary>
/// Measures the raw request rate a storage account (here: Azurite on this machine) sustains through these clients:
/// table insert, point read, 100-entity batch insert, queue send, receive and delete. Reusable by later benchmarks
/// that want the same baseline.
/// </summary>
public static class StorageThroughput
{
    public const string TableInsert = "Table insert";
    public const string TablePointRead = "Table point read";
    public const string TableBatchInsert = "Table batch insert (100/batch)";
    public const string QueueSend = "Queue send";
    public const string QueueReceive = "Queue receive (32/request)";
    public const string QueueDelete = "Queue delete";

    /// <summary>
    /// Runs every scenario in turn against fresh resources of the account <paramref name="connectionString"/> names,
    /// through SDK clients built from <paramref name="options"/> (a request counter is added to a copy of them).
    /// </summary>
    public static async Task<IReadOnlyList<ThroughputResult>> MeasureAsync(
        string connectionString, StorageOptions options, ThroughputSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings ??= new ThroughputSettings();
        var counter = new StorageRequestCounter();
        var counted = new StorageOptions
        {
            ServiceVersion = options.ServiceVersion,
            NetworkTimeout = options.NetworkTimeout,
            MaxRetries = options.MaxRetries,
            Delay = options.Delay,
            MaxDelay = options.MaxDelay,
            Transport = options.Transport,
        };
        foreach (var policy in options.PerRetryPolicies.Append(counter))
        {
            counted.PerRetryPolicies.Add(policy);
        }

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var table = new TableServiceClient(connectionString, counted.CreateTableClientOptions()).GetTableClient("bench" + suffix);
        var queue = new QueueServiceClient(connectionString, counted.CreateQueueClientOptions()).GetQueueClient("bench-" + suffix);
        await table.CreateIfNotExistsAsync(cancellationToken);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var results = new List<ThroughputResult>();
        try
        {
            var inserted = new ConcurrentBag<string>();
            results.Add(await TimedAsync(TableInsert, counter, settings, async (worker, sequence, ct) =>
            {
                var rowKey = $"{worker:D2}-{sequence:D8}";
                await table.AddEntityAsync(new TableEntity("insert", rowKey) { ["Payload"] = "quy chế", ["N"] = sequence }, ct);
                inserted.Add(rowKey);
                return 1;
            }, cancellationToken));

            var keys = inserted.ToArray();
            results.Add(await TimedAsync(TablePointRead, counter, settings, async (worker, sequence, ct) =>
            {
                await table.GetEntityAsync<TableEntity>("insert", keys[(int)((sequence * 7919 + worker) % keys.Length)], cancellationToken: ct);
                return 1;
            }, cancellationToken));

            results.Add(await TimedAsync(TableBatchInsert, counter, settings, async (worker, sequence, ct) =>
            {
                var actions = Enumerable.Range(0, TableTransactions.MaxActions).Select(i => new TableTransactionAction(
                    TableTransactionActionType.Add, new TableEntity($"batch-{worker:D2}", $"{sequence:D8}-{i:D3}") { ["N"] = i }));
                await table.SubmitValidatedTransactionAsync(actions, ct);
                return TableTransactions.MaxActions;
            }, cancellationToken));

            results.Add(await TimedAsync(QueueSend, counter, settings, async (_, sequence, ct) =>
            {
                await queue.SendMessageAsync($"{{\"instance\":\"{sequence}\"}}", cancellationToken: ct);
                return 1;
            }, cancellationToken));

            var received = new ConcurrentQueue<QueueMessage>();
            results.Add(await DrainAsync(QueueReceive, counter, settings, async ct =>
            {
                QueueMessage[] batch = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), ct);
                foreach (var message in batch)
                {
                    received.Enqueue(message);
                }

                return batch.Length;
            }, cancellationToken));

            results.Add(await DrainAsync(QueueDelete, counter, settings, async ct =>
            {
                if (!received.TryDequeue(out var message))
                {
                    return 0;
                }

                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                return 1;
            }, cancellationToken));
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
            await queue.DeleteAsync(CancellationToken.None);
        }

        return results;
    }

    /// <summary>
    /// The raw request rate of one scenario (HTTP requests per second), the baseline a later benchmark compares its
    /// own request rate with, e.g. <c>RawRequestRate(results, StorageThroughput.TableInsert)</c>.
    /// </summary>
    public static double RawRequestRate(IEnumerable<ThroughputResult> results, string scenario) =>
        results.Single(r => r.Scenario == scenario).RequestsPerSecond;

    /// <summary>The results as a markdown table.</summary>
    public static string ToMarkdown(IEnumerable<ThroughputResult> results, ThroughputSettings settings)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(settings);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Concurrency {settings.Concurrency}, {Environment.ProcessorCount} cores.")
            .AppendLine()
            .AppendLine("| Scenario | Operations | Requests | Seconds | Ops/s | Requests/s |")
            .AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Scenario} | {result.Operations} | {result.Requests} | {result.Elapsed.TotalSeconds:0.00} | {result.OperationsPerSecond:0} | {result.RequestsPerSecond:0} |");
        }

        return text.ToString();
    }

    // Runs `operation` on every worker until the scenario's time is up; the result counts operations done.
    private static async Task<ThroughputResult> TimedAsync(
        string scenario, StorageRequestCounter counter, ThroughputSettings settings, Func<int, long, CancellationToken, Task<int>> operation, CancellationToken cancellationToken)
    {
        counter.Reset();
        long operations = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async worker =>
        {
            for (long sequence = 0; stopwatch.Elapsed < settings.Duration; sequence++)
            {
                Interlocked.Add(ref operations, await operation(worker, sequence, cancellationToken));
            }
        }));
        stopwatch.Stop();
        return new ThroughputResult(scenario, operations, counter.Total, stopwatch.Elapsed);
    }

    // Runs `operation` on every worker until it reports nothing left to do (or time is up).
    private static async Task<ThroughputResult> DrainAsync(
        string scenario, StorageRequestCounter counter, ThroughputSettings settings, Func<CancellationToken, Task<int>> operation, CancellationToken cancellationToken)
    {
        counter.Reset();
        long operations = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async _ =>
        {
            while (stopwatch.Elapsed < settings.Duration * 2)
            {
                var done = await operation(cancellationToken);
                if (done == 0)
                {
                    return;
                }

                Interlocked.Add(ref operations, done);
            }
        }));
        stopwatch.Stop();
        return new ThroughputResult(scenario, operations, counter.Total, stopwatch.Elapsed);
    }
}
