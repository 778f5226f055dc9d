using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>One <see cref="OrganisationsConsoleApp"/> per test class; its tests meet only through data, each with fresh ids.</summary>
public sealed class OrganisationsConsoleFixture(AzuriteFixture azurite, MaildevFixture maildev) : IAsyncLifetime
{
    private OrganisationsConsoleApp? _app;

    internal OrganisationsConsoleApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    public async ValueTask InitializeAsync() => _app = await OrganisationsConsoleApp.StartAsync(azurite.ConnectionString, maildev.Maildev);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
