using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>
/// One <see cref="ConsoleTestHost"/> for a whole test class. Tests make their own accounts (unique addresses), so they
/// do not see each other's; a test that moves the fake clock puts nothing else at risk (links are made after it).
/// </summary>
public sealed class ConsoleHostFixture(AzuriteFixture azurite, MaildevFixture maildev) : IAsyncLifetime
{
    private ConsoleTestHost? _host;

    internal ConsoleTestHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public async ValueTask InitializeAsync() =>
        _host = await ConsoleTestHost.StartAsync(azurite, maildev, cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
