using QuyCheWorkflow.Durable.Storage;

namespace QuyCheWorkflow.Testing;

/// <summary>Storage options for tests against Azurite: a stalled emulator fails a test in seconds, not minutes.</summary>
public static class TestStorageOptions
{
    /// <summary>The newest service version Azurite 3.37 accepts; the SDK's default is newer and refused.</summary>
    public const string AzuriteServiceVersion = "2026-06-06";

    /// <summary>
    /// New options each call: service version <see cref="AzuriteServiceVersion"/>, 10 s per try, 2 retries,
    /// 50 ms to 500 ms back-off.
    /// </summary>
    public static StorageOptions Create() => new()
    {
        ServiceVersion = AzuriteServiceVersion,
        NetworkTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = 2,
        Delay = TimeSpan.FromMilliseconds(50),
        MaxDelay = TimeSpan.FromMilliseconds(500),
    };
}
