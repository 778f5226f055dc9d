namespace QuyCheWorkflow.Durable;

/// <summary>
/// The histories this process committed most recently, so that the next message of a busy instance skips a read.
/// Bounded (least recently used out), so memory does not grow with the number of instances. A cached history may be
/// stale when another process advanced the instance; the dispatcher only acts on it through the conditional commit
/// and reloads before any decision that commit does not guard. Thread-safe.
/// </summary>
internal sealed class HistoryCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Id, OrchestrationHistory History)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, OrchestrationHistory History)> _order = new();

    public OrchestrationHistory? Get(string instanceId)
    {
        lock (_order)
        {
            if (!_index.TryGetValue(instanceId, out var node))
            {
                return null;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.History;
        }
    }

    public void Set(string instanceId, OrchestrationHistory history)
    {
        lock (_order)
        {
            if (_index.Remove(instanceId, out var old))
            {
                _order.Remove(old);
            }

            _index[instanceId] = _order.AddFirst((instanceId, history));
            if (_order.Count > capacity)
            {
                _index.Remove(_order.Last!.Value.Id);
                _order.RemoveLast();
            }
        }
    }

    public void Remove(string instanceId)
    {
        lock (_order)
        {
            if (_index.Remove(instanceId, out var node))
            {
                _order.Remove(node);
            }
        }
    }
}
