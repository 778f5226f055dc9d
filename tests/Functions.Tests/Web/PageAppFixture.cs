namespace QuyCheWorkflow.Functions.Tests.Web;

/// <summary>
/// One <see cref="PageTestApp"/> for a whole test class. The app keeps no state but what was posted, which a test
/// that looks at it clears first (<see cref="PageTestApp.Submitted"/>).
/// </summary>
public sealed class PageAppFixture : IAsyncLifetime
{
    private PageTestApp? _app;

    internal PageTestApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    public async ValueTask InitializeAsync() => _app = await PageTestApp.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
