using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole.Decisions;

/// <summary>
/// The console's test host for the step pages, with organisations and regulations brought to a stage by the
/// workflow, and office people signed in to the console by the e-mailed link.
/// </summary>
public sealed class DecisionConsoleApp(AzuriteFixture azurite, MaildevFixture maildev) : IAsyncLifetime
{
    private static readonly Actor s_clerk = new("van-phong", "Văn phòng Đảng ủy", "test");
    private ConsoleTestHost? _host;

    internal ConsoleTestHost Host => _host ?? throw new InvalidOperationException("The app is not started.");

    public IServiceProvider Services => Host.App.Services;

    public Uri BaseAddress => Host.BaseAddress;

    public RegulationWorkflow Workflow => Services.GetRequiredService<RegulationWorkflow>();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public DateTimeOffset Now => Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public DateOnly Today => VietnamTime.DateOf(Now);

    public async ValueTask InitializeAsync() =>
        _host = await ConsoleTestHost.StartAsync(azurite, maildev, cancellationToken: Token);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
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
    public async Task<(string OrganisationId, string RegulationId)> ResolvingAsync(bool withUpperLevel = true) =>
        await ResolvingAsync(await SeedAsync(withUpperLevel));

    /// <summary>
    /// An organisation with a regulation issued (<c>Replaced</c>) and a second one of the same term approved
    /// (<c>RegulationId</c>), so issuing the second may supersede the first.
    /// </summary>
    public async Task<(string OrganisationId, string Replaced, string RegulationId)> ApprovedWithOneInForceAsync()
    {
        var organisation = await SeedAsync();
        var (_, replaced) = await ResolvingAsync(organisation);
        var (_, _, firstRound) = await InVoteAsync(organisation.Id, replaced);
        await ApproveAsync(replaced, firstRound);
        await Workflow.IssueAsync(organisation.Id, replaced, Today, "m1", null, s_clerk, Token);
        var (_, regulationId) = await ResolvingAsync(organisation);
        var (_, _, secondRound) = await InVoteAsync(organisation.Id, regulationId);
        await ApproveAsync(regulationId, secondRound);
        return (organisation.Id, replaced, regulationId);
    }

    private async Task<(string OrganisationId, string RegulationId)> ResolvingAsync(Organisation organisation)
    {
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
        return await InVoteAsync(organisationId, regulationId);
    }

    public async Task<(string OrganisationId, string RegulationId)> ApprovedAsync(bool withUpperLevel = true)
    {
        var (organisationId, regulationId, roundId) = await InVoteAsync(withUpperLevel);
        await ApproveAsync(regulationId, roundId);
        return (organisationId, regulationId);
    }

    private async Task<(string OrganisationId, string RegulationId, string RoundId)> InVoteAsync(string organisationId, string regulationId)
    {
        var vote = await Workflow.SubmitForVoteAsync(organisationId, regulationId, Now.AddDays(5), s_clerk, Token);
        return (organisationId, regulationId, vote.Id);
    }

    private async Task ApproveAsync(string regulationId, string roundId)
    {
        await Workflow.CastBallotAsync(regulationId, roundId, "m1", VoteChoice.Agree, null, s_clerk, Token);
        await Workflow.CastBallotAsync(regulationId, roundId, "m2", VoteChoice.Agree, null, s_clerk, Token);
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

    /// <summary>
    /// A client signed in to the console (by the mailed link) as a new account of <paramref name="organisationId"/>'s
    /// office; it keeps cookies and does not follow redirects.
    /// </summary>
    public async Task<HttpClient> ClerkOfAsync(string organisationId, ApiRole role = ApiRole.Office)
    {
        var account = await Host.CreateAccountAsync(organisationId, role, cancellationToken: Token);
        return await Host.SignInAsync(account.Email, Token);
    }
}
