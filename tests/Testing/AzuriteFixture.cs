using Xunit;

namespace QuyCheWorkflow.Testing;

/// <summary>
/// One Azurite per test assembly: <c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>.
/// Tests isolate themselves by unique container, table and queue names. A test that stops or restarts
/// Azurite starts its own <see cref="AzuriteInstance"/> instead.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? _instance;

    public AzuriteInstance Azurite => _instance ?? throw new InvalidOperationException("Azurite is not started.");

    public string ConnectionString => Azurite.ConnectionString;

    public async ValueTask InitializeAsync() => _instance = await AzuriteInstance.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_instance is not null)
        {
            await _instance.DisposeAsync();
        }
    }
}
