namespace QuyCheWorkflow.Durable.Tests.Storage;

/// <summary>Names that keep tests sharing one Azurite apart.</summary>
internal static class UniqueName
{
    public static string Table() => "t" + Guid.NewGuid().ToString("N")[..20];

    public static string Queue() => "q-" + Guid.NewGuid().ToString("N")[..20];

    public static string Container() => "c-" + Guid.NewGuid().ToString("N")[..20];
}
