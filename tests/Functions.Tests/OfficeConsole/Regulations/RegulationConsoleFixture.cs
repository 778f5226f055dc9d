using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole.Regulations;

/// <summary>One <see cref="RegulationConsoleTestApp"/> per test class; tests meet only through data with fresh ids.</summary>
public sealed class RegulationConsoleFixture(AzuriteFixture azurite, MaildevFixture maildev) : IAsyncLifetime
{
    private RegulationConsoleTestApp? _app;

    internal RegulationConsoleTestApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    public async ValueTask InitializeAsync() => _app = await RegulationConsoleTestApp.StartAsync(azurite.ConnectionString, maildev.Maildev);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
