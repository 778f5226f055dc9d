using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using QuyCheWorkflow.Durable.Storage;

namespace QuyCheWorkflow.Durable.Bench;

/// <summary>
/// Replays, without the engine, the storage requests an engine phase made: the same operations in the same
/// proportions, with bodies of the same mean size, from as many concurrent workers as the engine runs work items.
/// Each worker does what the engine does with them: queue messages are sent hidden and deleted with the receipt of
/// their send, receives poll that queue, a transaction adds a row and replaces a sentinel under If-Match, a merge
/// goes to a row under If-Match, a point read reads a row that exists. Its request rate is what Azurite can serve
/// for this mix; divided by the engine's requests per step it is the step rate an engine that wasted neither
/// requests nor time between them would reach.
/// </summary>
internal sealed class RequestMix(string connectionString)
{
    private const string Put = "queue.put";
    private const string Delete = "queue.delete";
    private const string Receive = "queue.get";
    private const string Transaction = "table.batch";
    private const string Merge = "table.merge";
    private const string Read = "table.get";
    private const string Insert = "table.insert";
    private const int CycleLength = 400;

    /// <summary>The operations this mix can replay, in the order they are taken when they fall on the same slot.</summary>
    private static readonly string[] s_order = [Insert, Put, Receive, Read, Transaction, Merge, Delete];

    private static readonly TimeSpan s_hidden = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_noExpiry = TimeSpan.FromSeconds(-1);

    /// <param name="counts">Requests per operation made by the engine phase; operations it cannot replay (creating tables and queues) are left out.</param>
    /// <param name="engine">The engine's probe, for the mean body sizes.</param>
    public async Task<MixResult> RunAsync(IReadOnlyDictionary<string, long> counts, LatencyProbe engine, int concurrency, TimeSpan duration)
    {
        var counter = new StorageRequestCounter();
        var probe = new LatencyProbe();
        var options = EngineBench.BenchStorageOptions();
        options.PerRetryPolicies.Add(counter);
        options.PerRetryPolicies.Add(probe);
        var tables = new TableServiceClient(connectionString, options.CreateTableClientOptions());
        var history = tables.GetTableClient("mixHistory");
        var instances = tables.GetTableClient("mixInstances");
        var queue = new QueueServiceClient(connectionString, options.CreateQueueClientOptions()).GetQueueClient("mix-workitems");
        await history.CreateIfNotExistsAsync();
        await instances.CreateIfNotExistsAsync();
        await queue.CreateIfNotExistsAsync();

        // Calibrate the padding so that bodies match the engine's mean sizes.
        probe.Reset();
        SendReceipt emptyPut = await queue.SendMessageAsync(string.Empty, s_hidden, s_noExpiry);
        await queue.DeleteMessageAsync(emptyPut.MessageId, emptyPut.PopReceipt);
        await history.SubmitValidatedTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("calibrate", "00000000") { ["Events"] = string.Empty }),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("calibrate", "sentinel") { ["ExecutionId"] = "calibrate", ["NextRow"] = 1, ["Checkpoint"] = 1L }),
        ]);
        var messageChars = Math.Max(0, (int)((engine.AverageBytes(Put) - probe.AverageBytes(Put)) * 3 / 4));
        var eventChars = Math.Max(0, (int)(engine.AverageBytes(Transaction) - probe.AverageBytes(Transaction)));
        var cycle = Cycle(counts);
        var workers = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(n => Worker.CreateAsync(n, history, instances, queue, messageChars, eventChars)));

        counter.Reset();
        probe.Reset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(async (worker, n) =>
        {
            for (var i = n * CycleLength / concurrency; watch.Elapsed < duration; i++)
            {
                await worker.RunAsync(cycle[i % cycle.Count]);
            }
        }));
        var elapsed = watch.Elapsed.TotalSeconds;
        var cpuMsPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / counter.Total;
        var sizes = string.Join(", ", new[] { Put, Transaction }.Select(op =>
            string.Create(CultureInfo.InvariantCulture, $"{op} {engine.AverageBytes(op):0} B engine / {probe.AverageBytes(op):0} B mix")));
        return new MixResult(counter.Total / elapsed, cpuMsPerRequest, Describe(cycle), sizes, probe.Describe());
    }

    /// <summary>
    /// One cycle of <see cref="CycleLength"/> operations in the proportions of <paramref name="counts"/>, each
    /// operation spread evenly over the cycle (so a send comes before the delete that follows it).
    /// </summary>
    private static List<string> Cycle(IReadOnlyDictionary<string, long> counts)
    {
        var replayed = counts.Where(p => s_order.Contains(p.Key) && p.Value > 0).ToList();
        var total = replayed.Sum(p => (double)p.Value);
        return replayed
            .SelectMany(p =>
            {
                var slots = Math.Max(1, (int)Math.Round(p.Value / total * CycleLength));
                return Enumerable.Range(0, slots).Select(k => (Position: (k + 0.5) / slots, Order: Array.IndexOf(s_order, p.Key), Operation: p.Key));
            })
            .OrderBy(s => s.Position)
            .ThenBy(s => s.Order)
            .Select(s => s.Operation)
            .ToList();
    }

    private static string Describe(List<string> cycle) => string.Join(", ", cycle
        .GroupBy(op => op, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count())
        .Select(g => $"{g.Key}={g.Count()}"));

    /// <summary>One concurrent worker with its own partition, rows and received messages.</summary>
    private sealed class Worker
    {
        private readonly string _partition;
        private readonly TableClient _history;
        private readonly TableClient _instances;
        private readonly QueueClient _queue;
        private readonly string _message;
        private readonly string _events;
        private readonly Stack<SendReceipt> _sent = new();
        private ETag _sentinel;
        private ETag _row;
        private int _next;

        private Worker(string partition, TableClient history, TableClient instances, QueueClient queue, string message, string events)
        {
            _partition = partition;
            _history = history;
            _instances = instances;
            _queue = queue;
            _message = message;
            _events = events;
        }

        public static async Task<Worker> CreateAsync(int n, TableClient history, TableClient instances, QueueClient queue, int messageChars, int eventChars)
        {
            var worker = new Worker($"w{n:D3}", history, instances, queue, new string('m', messageChars), new string('e', eventChars));
            worker._sentinel = (await history.SubmitValidatedTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, worker.Sentinel())])).Value[^1].Headers.ETag!.Value;
            worker._row = (await instances.AddEntityAsync(worker.Row())).Headers.ETag!.Value;
            for (var i = 0; i < 4; i++)
            {
                worker._sent.Push(await queue.SendMessageAsync(worker._message, s_hidden, s_noExpiry));
            }

            return worker;
        }

        public async Task RunAsync(string operation)
        {
            switch (operation)
            {
                case Put:
                    _sent.Push(await _queue.SendMessageAsync(_message, s_hidden, s_noExpiry));
                    break;
                case Delete when _sent.TryPop(out var receipt):
                    await _queue.DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt);
                    break;
                case Delete:
                    _sent.Push(await _queue.SendMessageAsync(_message, s_hidden, s_noExpiry));
                    break;
                case Receive:
                    await _queue.ReceiveMessagesAsync(32, s_hidden);
                    break;
                case Transaction:
                    var row = new TableEntity(_partition, (_next++).ToString("D8", CultureInfo.InvariantCulture)) { ["Events"] = _events };
                    _sentinel = (await _history.SubmitValidatedTransactionAsync(
                        [new TableTransactionAction(TableTransactionActionType.Add, row), new TableTransactionAction(TableTransactionActionType.UpdateReplace, Sentinel(), _sentinel)])).Value[^1].Headers.ETag!.Value;
                    break;
                case Merge:
                    _row = (await _instances.UpdateEntityAsync(Row(), _row, TableUpdateMode.Merge)).Headers.ETag!.Value;
                    break;
                case Read:
                    await _instances.GetEntityAsync<TableEntity>(_partition, string.Empty);
                    break;
                case Insert:
                    await _instances.AddEntityAsync(new TableEntity(_partition + "-" + (_next++).ToString("D8", CultureInfo.InvariantCulture), string.Empty) { ["Name"] = "Chain", ["RuntimeStatus"] = "Pending" });
                    break;
                default:
                    throw new InvalidOperationException($"Cannot replay {operation}.");
            }
        }

        private TableEntity Sentinel() => new(_partition, "sentinel") { ["ExecutionId"] = _partition, ["NextRow"] = _next, ["Checkpoint"] = (long)_next };

        private TableEntity Row() => new(_partition, string.Empty) { ["RuntimeStatus"] = "Running", ["LastUpdatedTime"] = DateTimeOffset.UnixEpoch.AddSeconds(_next) };
    }
}
