namespace QuyCheWorkflow.Functions.Status;

/// <summary>Narrows a subtree read; applied by the table service, so filtered rows cost no transfer.</summary>
public sealed record StatusFilter(bool OnlyOverdue = false, bool OnlyMissing = false)
{
    public static StatusFilter All { get; } = new();
}
