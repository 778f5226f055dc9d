using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// The whole app on Azurite for the regulation pages, with a sign-in for tests: a cookie naming a console person
/// (account, organisation, role, name, e-mail) is read into the same claims a console session carries.
/// </summary>
internal sealed partial class RegulationConsoleTestApp : IAsyncDisposable
{
    public const string PersonCookie = "qcw-test-person";

    private const string TestScheme = "console-test";

    private readonly TestApp _app;

    private RegulationConsoleTestApp(TestApp app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public Uri BaseAddress => _app.BaseAddress;

    public RegulationWorkflow Workflow => Services.GetRequiredService<RegulationWorkflow>();

    public LifecycleStores Stores => Services.GetRequiredService<LifecycleStores>();

    public PublicHolidayCalendar Calendar => Services.GetRequiredService<PublicHolidayCalendar>();

    public static Actor Clerk { get; } = new("test-clerk", "Văn phòng cấp ủy", "test");

    public static async Task<RegulationConsoleTestApp> StartAsync(string storageConnectionString) =>
        new(await TestApp.StartAsync(new Dictionary<string, string?>
        {
            [AppSettings.StorageConnectionString] = storageConnectionString,
            [AppSettings.OfficeMaxUploadBytes] = OfficeTestApp.MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AppSettings.EmbeddedDrivers] = "false",
        }, services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, PersonCookieHandler>(TestScheme, null);
            services.PostConfigure<PolicySchemeOptions>(SecurityServiceCollectionExtensions.SchemeName, options =>
            {
                var inner = options.ForwardDefaultSelector;
                options.ForwardDefaultSelector = context => context.Request.Cookies.ContainsKey(PersonCookie) ? TestScheme : inner?.Invoke(context);
            });
        }));

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

    /// <summary>A client signed in as a clerk of <paramref name="organisationId"/>, keeping cookies (antiforgery) and not following redirects.</summary>
    public HttpClient ClientFor(string organisationId, ApiRole role = ApiRole.Office, string fullName = "Lê Thị Cúc")
    {
        CookieContainer cookies = new();
        cookies.Add(BaseAddress, new Cookie(PersonCookie, PersonCookieValue(organisationId, role, fullName)));
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
    }

    public static string PersonCookieValue(string organisationId, ApiRole role, string fullName) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('\n', "acc-" + organisationId, organisationId, role.ToString(), fullName, "clerk@" + organisationId + ".example.vn")))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');

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

    private sealed class PersonCookieHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Cookies[PersonCookie] is not { } value)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            string padded = value.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            string[] parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('\n');
            ClaimsIdentity identity = new([
                new Claim(ConsoleUser.AccountIdClaim, parts[0]),
                new Claim(ClaimTypes.NameIdentifier, parts[0]),
                new Claim(QuyCheWorkflowClaimTypes.Organisation, parts[1]),
                new Claim(QuyCheWorkflowClaimTypes.Role, parts[2]),
                new Claim(ClaimTypes.Name, parts[3]),
                new Claim(ClaimTypes.Email, parts[4]),
            ], TestScheme, ClaimTypes.Name, QuyCheWorkflowClaimTypes.Role);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), TestScheme)));
        }
    }
}
