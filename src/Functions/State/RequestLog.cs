using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// Applies a command once per request id (an approval link clicked twice, an API call retried after a lost
/// response): the first call runs it and records its outcome, later calls with the same id get that outcome
/// without running it again.
/// <para>
/// Table <c>requests</c>: PK = request id, RK = "" ; columns Command (the name the caller gives, so one id cannot
/// be replayed against another command), State ("running" or "done"), Outcome (JSON, ≤ 30 K characters),
/// StartedAt, CompletedAt.
/// </para>
/// <para>
/// The id is claimed by inserting a "running" row before the command runs; a concurrent second call finds the
/// claim and gets <see cref="RequestInProgressException"/> (retry later). A command that throws before it wrote
/// anything (a refusal) releases the claim so the request can be sent again; one that fails after its write keeps
/// it, and the retry recovers the outcome as below.
/// </para>
/// <para>
/// A process that dies mid-command leaves the claim. A command that got as far as its write stored its tail with
/// it, and that tail marks the request done (<see cref="CompleteAsync"/>) when it is carried out; so a later call
/// with the id first has the tails where the command wrote carried out (the <c>recover</c> callback) and then
/// answers with the first run's outcome. A command that died before its write changed nothing: its claim is
/// reported as in progress until <see cref="RunningClaimLifetime"/> has passed, after which it runs again.
/// </para>
/// </summary>
public sealed class RequestLog(StateTables tables, TimeProvider timeProvider)
{
    // The requests this process is running, and how far their command got: written (its change and tail are
    // stored, so a failure after it must leave the claim for a retry to recover) or done (its tail marked it done,
    // so the run does not write its outcome again).
    private readonly ConcurrentDictionary<string, Progress> _running = new(StringComparer.Ordinal);

    private enum Progress
    {
        Started,
        Written,
        Done,
    }

    public const string TableName = "requests";
    private const string Running = "running";
    private const string Done = "done";

    /// <summary>How long a claim of a crashed call blocks the request id.</summary>
    public static TimeSpan RunningClaimLifetime { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Runs <paramref name="command"/> unless <paramref name="requestId"/> already ran, and returns the outcome of
    /// the first run either way.
    /// </summary>
    /// <exception cref="RequestInProgressException">Another call with this id is running.</exception>
    /// <exception cref="RequestIdReusedException">The id was used for a different command.</exception>
    public Task<T> ExecuteOnceAsync<T>(string requestId, string commandName, Func<CancellationToken, Task<T>> command, CancellationToken cancellationToken = default) =>
        ExecuteOnceAsync(requestId, commandName, command, null, cancellationToken);

    /// <summary>
    /// As <see cref="ExecuteOnceAsync{T}(string, string, Func{CancellationToken, Task{T}}, CancellationToken)"/>;
    /// when an earlier call with the id is still marked running, <paramref name="recover"/> first carries out the
    /// pending command tails where this command writes (one of them may be the earlier call's, which then marks the
    /// request done), so work that succeeded before a crash is answered with its outcome, never run again.
    /// </summary>
    public async Task<T> ExecuteOnceAsync<T>(string requestId, string commandName, Func<CancellationToken, Task<T>> command,
        Func<CancellationToken, Task>? recover, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrWhiteSpace(commandName);
        StateKeys.Id(requestId, nameof(requestId));
        var table = await tables.GetAsync(TableName, cancellationToken);

        var claim = await ClaimAsync(table, requestId, commandName, recover, cancellationToken);
        if (claim.Previous is { } previous)
        {
            return StateJson.Deserialize<T>(previous);
        }

        T outcome;
        _running[requestId] = Progress.Started;
        try
        {
            outcome = await command(cancellationToken);
        }
        catch when (_running.TryRemove(requestId, out var progress) && progress == Progress.Started)
        {
            // Nothing was written: release the id so the request can be sent again. (Once the command's change is
            // written the claim stays, and a retry recovers its tail and outcome.)
            await table.DeleteEntityAsync(requestId, string.Empty, claim.ETag, CancellationToken.None);
            throw;
        }

        if (_running.TryRemove(requestId, out var reached) && reached == Progress.Done)
        {
            return outcome;
        }

        string json = StateJson.Serialize(outcome);
        if (json.Length > 30_000)
        {
            throw new InvalidOperationException($"The outcome of '{commandName}' is {json.Length} characters; an outcome is a small summary (≤ 30,000).");
        }

        TableEntity done = new(requestId, string.Empty)
        {
            ["Command"] = commandName,
            ["State"] = Done,
            ["Outcome"] = json,
            ["CompletedAt"] = timeProvider.GetUtcNow(),
        };
        try
        {
            await table.UpdateEntityAsync(done, claim.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // The command's tail marked the request done (with this outcome), or a first try the service applied but
            // did not answer in time was retried by the client and the retry's If-Match failed.
            var response = await table.GetEntityIfExistsAsync<TableEntity>(requestId, string.Empty, cancellationToken: cancellationToken);
            var stored = response.HasValue ? response.Value : null;
            if (stored?.GetString("State") != Done || stored.GetString("Command") != commandName)
            {
                throw;
            }
        }

        return outcome;
    }

    /// <summary>
    /// Marks <paramref name="requestId"/> done with <paramref name="outcomeJson"/> (the JSON of what the command
    /// returned), unless it is done already or unknown. Called by the command's tail, so that a request whose process
    /// died after the command's write is answered with its outcome. Idempotent.
    /// </summary>
    public async Task CompleteAsync(string requestId, string outcomeJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcomeJson);
        StateKeys.Id(requestId, nameof(requestId));
        var table = await tables.GetAsync(TableName, cancellationToken);
        TableEntity done = new(requestId, string.Empty)
        {
            ["State"] = Done,
            ["Outcome"] = outcomeJson,
            ["CompletedAt"] = timeProvider.GetUtcNow(),
        };
        try
        {
            // Unconditional: whatever state the row is in, this request's command ran with this outcome.
            await table.UpdateEntityAsync(done, ETag.All, TableUpdateMode.Merge, cancellationToken);
            _running.TryUpdate(requestId, Progress.Done, Progress.Written);
            _running.TryUpdate(requestId, Progress.Done, Progress.Started);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Released by a refused run meanwhile, or never claimed here.
        }
    }

    /// <summary>
    /// Notes that the command of <paramref name="requestId"/>, running in this process, has written its change (with
    /// its tail): from then on a failure leaves the claim, so a retry recovers the outcome instead of running again.
    /// </summary>
    public void NoteWritten(string requestId) => _running.TryUpdate(requestId, Progress.Written, Progress.Started);

    private async Task<(string? Previous, ETag ETag)> ClaimAsync(TableClient table, string requestId, string commandName,
        Func<CancellationToken, Task>? recover, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        TableEntity claim = new(requestId, string.Empty)
        {
            ["Command"] = commandName,
            ["State"] = Running,
            ["StartedAt"] = now,
        };
        try
        {
            var added = await table.AddEntityAsync(claim, cancellationToken);
            return (null, added.Headers.ETag.GetValueOrDefault());
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Claimed before: replay its outcome, or report it as running.
        }

        var response = await table.GetEntityIfExistsAsync<TableEntity>(requestId, string.Empty, cancellationToken: cancellationToken);
        var existing = (response.HasValue ? response.Value : null) ?? throw new RequestInProgressException(requestId);
        if (existing.GetString("Command") != commandName)
        {
            throw new RequestIdReusedException($"Request '{requestId}' was used for '{existing.GetString("Command")}', not '{commandName}'.");
        }

        if (existing.GetString("State") == Done)
        {
            return (existing.GetString("Outcome"), existing.ETag);
        }

        if (recover is not null)
        {
            await recover(cancellationToken);
            var reread = await table.GetEntityIfExistsAsync<TableEntity>(requestId, string.Empty, cancellationToken: cancellationToken);
            existing = (reread.HasValue ? reread.Value : null) ?? throw new RequestInProgressException(requestId);
            if (existing.GetString("State") == Done)
            {
                return (existing.GetString("Outcome"), existing.ETag);
            }
        }

        if (existing.GetDateTimeOffset("StartedAt") is { } started && now - started > RunningClaimLifetime)
        {
            try
            {
                var replaced = await table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return (null, replaced.Headers.ETag.GetValueOrDefault());
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                throw new RequestInProgressException(requestId);
            }
        }

        throw new RequestInProgressException(requestId);
    }
}
