using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Office;

/// <summary>
/// One <see cref="OfficeTestApp"/> for a whole test class (<c>IClassFixture&lt;OfficeAppFixture&gt;</c>): its tests
/// meet only through data, and each makes its own organisations with fresh ids (<see cref="OfficeTestApp.NewId"/>).
/// </summary>
public sealed class OfficeAppFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private OfficeTestApp? _app;

    internal OfficeTestApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    public async ValueTask InitializeAsync() => _app = await OfficeTestApp.StartAsync(azurite.ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
