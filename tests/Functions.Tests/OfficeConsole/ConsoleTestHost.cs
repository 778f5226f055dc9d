using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>
/// The whole app on Azurite (tables and containers unique to this host), mailing through the assembly's maildev, on a
/// fake clock, with a small tree: "tinh" (root) → "khoi" → "co-so-1", "co-so-2". Accounts are made with
/// <see cref="CreateAccountAsync"/>, sessions with <see cref="ConsoleSessions"/>.
/// </summary>
internal sealed class ConsoleTestHost : IAsyncDisposable
{
    public static readonly string[] SeededIds = ["tinh", "khoi", "co-so-1", "co-so-2"];

    private ConsoleTestHost(TestApp app, FakeTimeProvider clock, MaildevInstance maildev)
    {
        App = app;
        Clock = clock;
        Maildev = maildev;
    }

    public TestApp App { get; }

    public FakeTimeProvider Clock { get; }

    public MaildevInstance Maildev { get; }

    public Uri BaseAddress => App.BaseAddress;

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>
    /// Starts the app (settings: <see cref="Settings"/>, overridden by <paramref name="settings"/>) and seeds the tree.
    /// </summary>
    public static async Task<ConsoleTestHost> StartAsync(
        AzuriteFixture azurite,
        MaildevFixture maildev,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        string unique = "c" + Guid.NewGuid().ToString("N")[..12];
        FakeTimeProvider clock = new(TestData.T0);
        var all = new Dictionary<string, string?>(Settings(azurite, maildev, unique));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = await TestApp.StartAsync(all, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Configure<StateOptions>(o =>
            {
                o.TablePrefix = unique;
                o.DocumentsContainer = "documents-" + unique;
            });
            configureServices?.Invoke(services);
        });
        var host = new ConsoleTestHost(app, clock, maildev.Maildev);
        try
        {
            var organisations = host.Get<OrganisationStore>();
            await organisations.CreateAsync(StateTestData.Organisation("tinh", null, "TU"), cancellationToken);
            await organisations.CreateAsync(StateTestData.Organisation("khoi", "tinh", "ĐUK"), cancellationToken);
            await organisations.CreateAsync(StateTestData.Organisation("co-so-1", "khoi", "ĐU"), cancellationToken);
            await organisations.CreateAsync(StateTestData.Organisation("co-so-2", "khoi", "ĐU"), cancellationToken);
            return host;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>What a console test needs: Azurite, mail to maildev, no embedded drivers (no orchestrations run by themselves).</summary>
    public static IReadOnlyDictionary<string, string?> Settings(AzuriteFixture azurite, MaildevFixture maildev, string taskHub) =>
        new Dictionary<string, string?>
        {
            [AppSettings.StorageConnectionString] = azurite.ConnectionString,
            [AppSettings.DurableTaskHubName] = taskHub,
            [AppSettings.EmbeddedDrivers] = "false",
            ["Mail:Smtp:Port"] = maildev.Maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>An account with a unique e-mail address (see <see cref="ConsoleAccounts.CreateAsync"/>).</summary>
    public Task<Account> CreateAccountAsync(
        string organisationId, ApiRole role = ApiRole.Office, string? fullName = null, CancellationToken cancellationToken = default) =>
        ConsoleAccounts.CreateAsync(App.Services, organisationId, role, fullName, cancellationToken: cancellationToken);

    /// <summary>An <see cref="HttpClient"/> signed in as the account with <paramref name="email"/>, by the e-mailed link.</summary>
    public Task<HttpClient> SignInAsync(string email, CancellationToken cancellationToken = default) =>
        ConsoleSessions.SignInAsync(BaseAddress, Maildev, email, cancellationToken);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
