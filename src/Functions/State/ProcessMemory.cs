using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// What this process remembers of rows it read or wrote, by key, to spare a read next time. Bounded: when it holds
/// <c>capacity</c> entries it starts over, which only costs reads. Whoever uses it still guards writes with ETags,
/// so a value another process has since changed is found out, not trusted.
/// </summary>
internal sealed class ProcessMemory<TValue>(int capacity)
    where TValue : class
{
    private readonly ConcurrentDictionary<string, TValue> _values = new(StringComparer.Ordinal);

    public bool TryGet(string key, [MaybeNullWhen(false)] out TValue value) => _values.TryGetValue(key, out value);

    /// <summary>Remembers <paramref name="value"/>; <paramref name="keep"/> chooses between it and one already held.</summary>
    public void Remember(string key, TValue value, Func<TValue, TValue, TValue>? keep = null)
    {
        if (_values.Count >= capacity)
        {
            _values.Clear();
        }

        if (keep is null)
        {
            _values[key] = value;
        }
        else
        {
            _values.AddOrUpdate(key, value, (_, held) => keep(held, value));
        }
    }

    public void Forget(string key) => _values.TryRemove(key, out _);
}
