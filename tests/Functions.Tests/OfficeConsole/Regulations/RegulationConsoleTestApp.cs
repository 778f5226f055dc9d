using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole.Regulations;

/// <summary>
/// The whole app on Azurite for the regulation pages, mailing through the assembly's maildev so that people sign in to
/// the console by the e-mailed link (<see cref="ConsoleSessions"/>).
/// </summary>
internal sealed partial class RegulationConsoleTestApp : IAsyncDisposable
{
    private readonly TestApp _app;

    private RegulationConsoleTestApp(TestApp app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public Uri BaseAddress => _app.BaseAddress;

    public RegulationWorkflow Workflow => Services.GetRequiredService<RegulationWorkflow>();

    public LifecycleStores Stores => Services.GetRequiredService<LifecycleStores>();

    public PublicHolidayCalendar Calendar => Services.GetRequiredService<PublicHolidayCalendar>();

    public static Actor Clerk { get; } = new("test-clerk", "Văn phòng cấp ủy", "test");

    public MaildevInstance Maildev { get; private init; } = default!;

    public static async Task<RegulationConsoleTestApp> StartAsync(string storageConnectionString, MaildevInstance maildev) =>
        new(await TestApp.StartAsync(new Dictionary<string, string?>
        {
            [AppSettings.StorageConnectionString] = storageConnectionString,
            [AppSettings.OfficeMaxUploadBytes] = OfficeTestApp.MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AppSettings.EmbeddedDrivers] = "false",
            ["Mail:Smtp:Port"] = maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })) { Maildev = maildev };

    /// <summary>An organisation with a two-member committee (secretary m1, member m2) and an office mailbox.</summary>
    public async Task<Organisation> SeedAsync(string id, string? parentId = null, string? name = null)
    {
        var organisation = new OrganisationBuilder().WithId(id).WithParent(parentId).WithName(name ?? "Đảng bộ " + id).WithType(OrganisationType.Agency)
            .WithOfficeEmail($"vanphong.{id}@example.vn")
            .WithCommittee(new StandingCommittee([
                new CommitteeMember("m1", "Nguyễn Văn Ân", "an@example.vn", CommitteeRole.Secretary),
                new CommitteeMember("m2", "Trần Thị Bình", "binh@example.vn", CommitteeRole.Member),
            ])).Build();
        await Stores.Organisations.CreateAsync(organisation, TestContext.Current.CancellationToken);
        return organisation;
    }

    /// <summary>
    /// A client signed in (by the e-mailed link) as a new clerk of <paramref name="organisationId"/>, keeping cookies
    /// (antiforgery) and not following redirects.
    /// </summary>
    public async Task<HttpClient> ClientForAsync(string organisationId, ApiRole role = ApiRole.Office, string fullName = "Lê Thị Cúc")
    {
        var account = await ConsoleAccounts.CreateAsync(Services, organisationId, role, fullName, cancellationToken: TestContext.Current.CancellationToken);
        return await ConsoleSessions.SignInAsync(BaseAddress, Maildev, account.Email, TestContext.Current.CancellationToken);
    }

    /// <summary>A browser context signed in as a new clerk of <paramref name="organisationId"/>.</summary>
    public async Task<Microsoft.Playwright.IBrowserContext> BrowserForAsync(Microsoft.Playwright.IBrowser browser, string organisationId,
        Microsoft.Playwright.ViewportSize? viewport)
    {
        var account = await ConsoleAccounts.CreateAsync(Services, organisationId, ApiRole.Office, "Lê Thị Cúc", cancellationToken: TestContext.Current.CancellationToken);
        return await ConsoleSessions.SignInBrowserAsync(browser, BaseAddress, Maildev, account.Email, viewport, TestContext.Current.CancellationToken);
    }

    /// <summary>The antiforgery field of the form on the page at <paramref name="path"/>, read with <paramref name="client"/> (which keeps the cookie).</summary>
    public static async Task<KeyValuePair<string, string>> AntiforgeryAsync(HttpClient client, string path)
    {
        string html = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
        var match = TokenField().Match(html);
        Assert.True(match.Success, "The page has no antiforgery field.");
        return new(QuyCheWorkflow.Functions.Web.WebServiceCollectionExtensions.AntiforgeryFieldName, WebUtility.HtmlDecode(match.Groups[1].Value));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [GeneratedRegex("name=\"__qcw_af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
