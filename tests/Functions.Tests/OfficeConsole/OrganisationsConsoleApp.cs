using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>
/// The whole app on Azurite for the organisation and upper-level console pages: people signed in by
/// <see cref="TestConsoleSession"/>, organisations made through <see cref="OrganisationWorkflow"/> (so their status
/// rows exist), clients that post forms with the page's antiforgery token and do not follow redirects.
/// </summary>
internal sealed partial class OrganisationsConsoleApp : IAsyncDisposable
{
    public const long MaxUploadBytes = 64 * 1024;

    public static readonly Actor Clerk = new("van-phong", "Văn phòng", "test");

    private readonly TestApp _app;

    private OrganisationsConsoleApp(TestApp app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public Uri BaseAddress => _app.BaseAddress;

    public OrganisationStore Organisations => Services.GetRequiredService<OrganisationStore>();

    public static async Task<OrganisationsConsoleApp> StartAsync(string storageConnectionString) =>
        new(await TestApp.StartAsync(new Dictionary<string, string?>
        {
            [AppSettings.StorageConnectionString] = storageConnectionString,
            [AppSettings.OfficeMaxUploadBytes] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AppSettings.EmbeddedDrivers] = "false",
        }, services => services.AddTransient<IStartupFilter, TestConsoleSession>()));

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

    /// <summary>A browser-like client of a person of <paramref name="organisationId"/>: cookies kept, redirects not followed.</summary>
    public HttpClient ClientFor(ApiRole role, string organisationId, string fullName = "Lê Thị Thư")
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add(TestConsoleSession.Header,
            TestConsoleSession.ValueFor(new ConsoleUser("acc-" + organisationId, fullName, "thu@example.vn", organisationId, role)));
        return client;
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
