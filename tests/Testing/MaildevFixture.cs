using Xunit;

namespace QuyCheWorkflow.Testing;

/// <summary>One maildev per test assembly: <c>[assembly: AssemblyFixture(typeof(MaildevFixture))]</c>.</summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    private MaildevInstance? _instance;

    public MaildevInstance Maildev => _instance ?? throw new InvalidOperationException("maildev is not started.");

    public async ValueTask InitializeAsync() => _instance = await MaildevInstance.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_instance is not null)
        {
            await _instance.DisposeAsync();
        }
    }
}
