using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>
/// The whole app on Azurite and maildev for the organisation and upper-level console pages: people with accounts
/// signed in by the e-mailed link (<see cref="ConsoleSessions"/>), organisations made through
/// <see cref="OrganisationWorkflow"/> (so their status rows exist), forms posted with the page's antiforgery token.
/// </summary>
internal sealed partial class OrganisationsConsoleApp : IAsyncDisposable
{
    public const long MaxUploadBytes = 64 * 1024;

    public static readonly Actor Clerk = new("van-phong", "Văn phòng", "test");

    private readonly TestApp _app;

    private OrganisationsConsoleApp(TestApp app, MaildevInstance maildev)
    {
        _app = app;
        Maildev = maildev;
    }

    public MaildevInstance Maildev { get; }

    public IServiceProvider Services => _app.Services;

    public Uri BaseAddress => _app.BaseAddress;

    public OrganisationStore Organisations => Services.GetRequiredService<OrganisationStore>();

    public static async Task<OrganisationsConsoleApp> StartAsync(string storageConnectionString, MaildevInstance maildev) =>
        new(await TestApp.StartAsync(new Dictionary<string, string?>
        {
            [AppSettings.StorageConnectionString] = storageConnectionString,
            [AppSettings.OfficeMaxUploadBytes] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AppSettings.EmbeddedDrivers] = "false",
            ["Mail:Smtp:Port"] = maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }), maildev);

    /// <summary>A fresh id, so tests sharing one Azurite never meet.</summary>
    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Creates an organisation with a secretary (m1) and a member (m2), as the API would.</summary>
    public async Task<Organisation> CreateAsync(string id, string? parentId, string? name = null)
    {
        Organisation organisation = new(id, name ?? "Đảng bộ " + id, OrganisationCode.Parse("ĐU"), OrganisationType.Agency, parentId, new Term(2025, 2030),
            new StandingCommittee([
                new CommitteeMember("m1", "Nguyễn Văn Ân", "an@example.vn", CommitteeRole.Secretary),
                new CommitteeMember("m2", "Trần Thị Bình", "binh@example.vn", CommitteeRole.Member),
            ]))
        { OfficeEmail = "vanphong@example.vn" };
        return await Services.GetRequiredService<OrganisationWorkflow>().CreateAsync(organisation, Clerk, TestContext.Current.CancellationToken);
    }

    /// <summary>An account of <paramref name="role"/> in <paramref name="organisationId"/>, made in the app's account store.</summary>
    public Task<Account> AccountAsync(ApiRole role, string organisationId, string fullName = "Lê Thị Thư") =>
        ConsoleAccounts.CreateAsync(Services, organisationId, role, fullName, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>A client signed in, by the e-mailed link, as a new account: cookies kept, redirects not followed.</summary>
    public async Task<HttpClient> ClientForAsync(ApiRole role, string organisationId, string fullName = "Lê Thị Thư")
    {
        var account = await AccountAsync(role, organisationId, fullName);
        return await ConsoleSessions.SignInAsync(BaseAddress, Maildev, account.Email, TestContext.Current.CancellationToken);
    }

    /// <summary>The antiforgery token of the page at <paramref name="path"/> (the client keeps its cookie).</summary>
    public static async Task<string> TokenOfAsync(HttpClient client, string path)
    {
        using var page = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {path} ({page.StatusCode}).");
    }

    /// <summary>Posts <paramref name="fields"/> as the form of the page at <paramref name="pagePath"/> would, token included.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pagePath, string action, params (string Name, string Value)[] fields)
    {
        var token = await TokenOfAsync(client, pagePath);
        using var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create(QuyCheWorkflow.Functions.Web.WebServiceCollectionExtensions.AntiforgeryFieldName, token)));
        return await client.PostAsync(action, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Posts a multipart form (files included) as the page at <paramref name="pagePath"/> would, token included.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string pagePath, string action, MultipartFormDataContent content)
    {
        content.Add(new StringContent(await TokenOfAsync(client, pagePath)), QuyCheWorkflow.Functions.Web.WebServiceCollectionExtensions.AntiforgeryFieldName);
        return await client.PostAsync(action, content, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [GeneratedRegex("name=\"__qcw_af\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
