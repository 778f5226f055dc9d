using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Status;

/// <summary>
/// One <see cref="StatusTestHost"/> (app and seeded tree) for a whole test class. Its tests only read the tree; one
/// that changes something puts it back or works on what it made itself (a key of its own to revoke, say).
/// </summary>
public sealed class StatusHostFixture(AzuriteFixture azurite, MaildevFixture maildev) : IAsyncLifetime
{
    private StatusTestHost? _host;

    internal StatusTestHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public async ValueTask InitializeAsync() => _host = await StatusTestHost.StartAsync(azurite, maildev, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
