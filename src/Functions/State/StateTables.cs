using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// Hands out the state tables by their logical name, with <see cref="StateOptions.TablePrefix"/> applied, and
/// creates each table once per process before its first use.
/// </summary>
public sealed class StateTables
{
    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public StateTables(TableServiceClient service, IOptions<StateOptions> options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _service = service;
        _prefix = options.Value.TablePrefix;
        if (!_prefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("A table prefix holds ASCII letters and digits only.", nameof(options));
        }
    }

    /// <summary>The table called <paramref name="name"/> (prefixed), created if it did not exist.</summary>
    public Task<TableClient> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var lazy = _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n)));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var client = _service.GetTableClient(_prefix + name);
        try
        {
            // Not the caller's token: the task is shared by every later caller.
            await client.CreateIfNotExistsAsync(CancellationToken.None);
        }
        catch
        {
            _tables.TryRemove(name, out _);
            throw;
        }

        return client;
    }
}
