using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Security;

/// <summary>
/// One <see cref="SecurityTestApp"/> with the default settings for a whole test class: keys are made per test, each
/// with its own id, so tests meet only through data.
/// </summary>
public sealed class SecurityAppFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private SecurityTestApp? _app;

    internal SecurityTestApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    public async ValueTask InitializeAsync() => _app = await SecurityTestApp.StartAsync(azurite.ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
