using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole.Decisions;

/// <summary>
/// The whole app on Azurite for the step pages, with organisations and regulations brought to a stage by the
/// workflow, and office people signed in to the console as the session's principal carries them.
/// </summary>
public sealed class DecisionConsoleApp(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Actor s_clerk = new("van-phong", "Văn phòng Đảng ủy", "test");
    private TestApp? _app;

    internal TestApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    public IServiceProvider Services => App.Services;

    public Uri BaseAddress => App.BaseAddress;

    public RegulationWorkflow Workflow => Services.GetRequiredService<RegulationWorkflow>();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public DateTimeOffset Now => Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public DateOnly Today => VietnamTime.DateOf(Now);

    public async ValueTask InitializeAsync() =>
        _app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            [AppSettings.StorageConnectionString] = azurite.ConnectionString,
            [AppSettings.OfficeMaxUploadBytes] = OfficeTestApp.MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AppSettings.EmbeddedDrivers] = "false",
        }, ConsoleSignIn.Register);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>An upper level and, under it, an organisation whose committee has a secretary, a deputy and a member.</summary>
    public async Task<Organisation> SeedAsync(bool withUpperLevel = true)
    {
        var store = Services.GetRequiredService<OrganisationStore>();
        string? parentId = null;
        if (withUpperLevel)
        {
            var upper = new OrganisationBuilder().WithId(OfficeTestApp.NewId("tu")).WithParent(null).WithName("Đảng bộ tỉnh Sông Hồng")
                .WithOfficeEmail("vp.tu@example.vn").Build();
            await store.CreateAsync(upper, Token);
            parentId = upper.Id;
        }

        var organisation = new OrganisationBuilder().WithId(OfficeTestApp.NewId("du")).WithParent(parentId).WithType(OrganisationType.Agency)
            .WithName("Đảng bộ Sở Tài chính").WithCommittee(new StandingCommittee([
                new CommitteeMember("m1", "Nguyễn Văn Ân", "an@example.vn", CommitteeRole.Secretary),
                new CommitteeMember("m2", "Trần Thị Bình", "binh@example.vn", CommitteeRole.DeputySecretary),
                new CommitteeMember("m3", "Lê Văn Cường", "cuong@example.vn", CommitteeRole.Member),
            ])).Build();
        await store.CreateAsync(organisation, Token);
        return organisation;
    }

    /// <summary>Consulted and every answer in, so the next step is the vote.</summary>
    public async Task<(string OrganisationId, string RegulationId)> ResolvingAsync(bool withUpperLevel = true)
    {
        var organisation = await SeedAsync(withUpperLevel);
        var regulationId = OfficeTestApp.NewId("qc");
        await Workflow.CreateRegulationAsync(organisation.Id, regulationId, "Quy chế làm việc của Ban Chấp hành Đảng bộ Sở Tài chính, nhiệm kỳ 2025 - 2030", null, s_clerk, Token);
        await Workflow.UploadDraftAsync(organisation.Id, regulationId, TestDocuments.Docx(regulationId), "Dự thảo lần 1.docx", DraftVersion.DocxContentType, s_clerk, Token);
        var consultation = await Workflow.OpenConsultationAsync(organisation.Id, regulationId,
            [new ConsultationRecipient("r1", "Chi bộ Phòng Kế toán", "cb@example.vn")], Now.AddDays(7), s_clerk, Token);
        await Workflow.AnswerConsultationAsync(regulationId, consultation.Id, "r1", true, [], s_clerk, Token);
        return (organisation.Id, regulationId);
    }

    public async Task<(string OrganisationId, string RegulationId, string RoundId)> InVoteAsync(bool withUpperLevel = true)
    {
        var (organisationId, regulationId) = await ResolvingAsync(withUpperLevel);
        var vote = await Workflow.SubmitForVoteAsync(organisationId, regulationId, Now.AddDays(5), s_clerk, Token);
        return (organisationId, regulationId, vote.Id);
    }

    public async Task<(string OrganisationId, string RegulationId)> ApprovedAsync(bool withUpperLevel = true)
    {
        var (organisationId, regulationId, roundId) = await InVoteAsync(withUpperLevel);
        await Workflow.CastBallotAsync(regulationId, roundId, "m1", VoteChoice.Agree, null, s_clerk, Token);
        await Workflow.CastBallotAsync(regulationId, roundId, "m2", VoteChoice.Agree, null, s_clerk, Token);
        return (organisationId, regulationId);
    }

    public async Task<(string OrganisationId, string RegulationId)> IssuedAsync(bool withUpperLevel = true)
    {
        var (organisationId, regulationId) = await ApprovedAsync(withUpperLevel);
        await Workflow.IssueAsync(organisationId, regulationId, Today, "m1", null, s_clerk, Token);
        return (organisationId, regulationId);
    }

    public async Task<Regulation> RegulationAsync(string organisationId, string regulationId) =>
        Regulation.FromState((await Services.GetRequiredService<RegulationStore>().GetAsync(organisationId, regulationId, Token))!.Value);

    public async Task<VoteRound> VoteAsync(string regulationId, string roundId) =>
        VoteRound.FromState((await Services.GetRequiredService<VoteRoundStore>().GetAsync(regulationId, roundId, Token))!.Value);

    /// <summary>A client signed in to the console as a clerk of <paramref name="organisationId"/>; it does not follow redirects.</summary>
    public HttpClient ClerkOf(string organisationId, ApiRole role = ApiRole.Office)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add(ConsoleSignIn.Header, ConsoleSignIn.Value(organisationId, role));
        return client;
    }

    /// <summary>
    /// The console session as a test sees it: a request carrying <see cref="Header"/> is signed in as an office
    /// person of the organisation it names, with the claims a console session's principal has.
    /// </summary>
    internal sealed class ConsoleSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "ConsoleTest";
        public const string Header = "X-Console-Test-User";

        public static string Value(string organisationId, ApiRole role) => organisationId + "|" + role;

        public static void Register(IServiceCollection services)
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ConsoleSignIn>(SchemeName, null);
            services.PostConfigure<PolicySchemeOptions>(SecurityServiceCollectionExtensions.SchemeName, policy =>
            {
                var selector = policy.ForwardDefaultSelector;
                policy.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(Header) ? SchemeName : selector?.Invoke(context);
            });
        }

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var parts = Request.Headers[Header].ToString().Split('|');
            if (parts.Length != 2 || !Enum.TryParse<ApiRole>(parts[1], out var role))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, "tk-" + parts[0]));
            identity.AddClaim(new Claim(ConsoleUser.AccountIdClaim, "tk-" + parts[0]));
            identity.AddClaim(new Claim(ClaimTypes.Name, "Phạm Thị Hoa"));
            identity.AddClaim(new Claim(ClaimTypes.Email, "hoa@example.vn"));
            identity.AddClaim(new Claim(QuyCheWorkflowClaimTypes.Organisation, parts[0]));
            identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString()));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
