namespace QuyCheWorkflow.Durable;

/// <summary>Queue names of a task hub and the stable instance-to-partition hash.</summary>
internal static class QueueNaming
{
    public static IReadOnlyList<string> ControlQueues(DurableTaskOptions options) =>
        Enumerable.Range(0, options.PartitionCount).Select(i => $"{Hub(options)}-control-{i:D2}").ToList();

    public static string WorkItems(DurableTaskOptions options) => $"{Hub(options)}-workitems";

    public static string Poison(DurableTaskOptions options) => $"{Hub(options)}-poison";

    public static string Hub(DurableTaskOptions options) => options.TaskHubName.ToLowerInvariant();

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes and .NET versions, unlike string.GetHashCode.</summary>
    public static int Partition(string instanceId, int partitionCount)
    {
        var hash = 2166136261u;
        foreach (var c in instanceId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)partitionCount);
    }
}
