using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Demo;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Tests.Demo;

public sealed class DemoSeederTests(AzuriteFixture azurite, MaildevFixture maildev) : IAsyncLifetime
{
    private readonly string _unique = "d" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _keysFile = Path.Combine(Path.GetTempPath(), "qcw-demo-keys-" + Guid.NewGuid().ToString("N") + ".txt");
    private TestApp? _app;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private IServiceProvider Services => _app!.Services;

    public async ValueTask InitializeAsync()
    {
        // Demo:Seed stays off so each test decides when the seeder runs; the rest is the app as run.sh starts it.
        _app = await TestApp.StartAsync(
            new Dictionary<string, string?>
            {
                [AppSettings.StorageConnectionString] = azurite.ConnectionString,
                [AppSettings.DurableTaskHubName] = _unique,
                ["Mail:Smtp:Port"] = maildev.Maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [AppSettings.DemoKeysFile] = _keysFile,
            },
            services => services.Configure<StateOptions>(o =>
            {
                o.TablePrefix = _unique;
                o.DocumentsContainer = "documents-" + _unique;
            }));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        File.Delete(_keysFile);
    }

    [Fact]
    public async Task SeedAsync_EmptyStore_SeedsTreeWithOneRegulationInConsultationAndOneInVote()
    {
        var seeded = await Services.GetRequiredService<DemoSeeder>().SeedAsync(Token);

        Assert.True(seeded);
        var rows = await Services.GetRequiredService<StatusProjection>().QuerySubtreeAsync(DemoTree.ProvinceId, cancellationToken: Token);
        Assert.Equal(DemoTree.Organisations.Select(o => o.Id).Order(), rows.Select(r => r.OrganisationId).Order());
        Assert.Equal(RegulationStage.InConsultation, rows.Single(r => r.OrganisationId == DemoTree.FinanceId).Stage);
        var health = rows.Single(r => r.OrganisationId == DemoTree.HealthId);
        Assert.Equal(RegulationStage.InVote, health.Stage);
        Assert.Equal(1, health.DraftVersion);
        Assert.Equal(7, health.PendingIds.Count);
        Assert.All(rows.Where(r => r.OrganisationId is not (DemoTree.FinanceId or DemoTree.HealthId)), r => Assert.True(r.IsMissing));
        var campaign = (await Services.GetRequiredService<QuyCheWorkflow.Functions.Campaigns.CampaignStore>().GetAsync(DemoSeeder.CampaignId, Token))!.Value;
        var rollUp = await Services.GetRequiredService<QuyCheWorkflow.Functions.Campaigns.CampaignRollUps>().ComputeAsync(campaign, Token);
        Assert.Equal(Domain.Campaigns.CampaignState.Open, campaign.State);
        Assert.Equal(DemoTree.Organisations.Count - 1, rollUp.Members.Count);
        Assert.Equal(2, rollUp.Counts[Domain.Campaigns.CampaignComplianceState.UnderWay]);
    }

    [Fact]
    public async Task SeedAsync_EmptyStore_WritesPrivateKeysFileWhoseKeysAuthenticateForTheirOffices()
    {
        await Services.GetRequiredService<DemoSeeder>().SeedAsync(Token);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_keysFile));
        }

        var keys = (await File.ReadAllLinesAsync(_keysFile, Token))
            .Where(l => !l.StartsWith('#'))
            .Select(l => l[(l.LastIndexOf(' ') + 1)..])
            .ToList();
        Assert.Equal(3, keys.Count);
        var store = Services.GetRequiredService<ApiKeyStore>();
        List<(ApiRole, string)> found = [];
        foreach (var key in keys)
        {
            var record = await store.FindValidAsync(key, Token);
            Assert.NotNull(record);
            found.Add((record.Role, record.OrganisationId));
        }

        Assert.Equal(
            [(ApiRole.UpperLevelOffice, DemoTree.ProvinceId), (ApiRole.UpperLevelOffice, DemoTree.BlocId), (ApiRole.Office, DemoTree.FinanceId)],
            found);
    }

    [Fact]
    public async Task SeedAsync_EmptyStore_SeedsConsoleAccountsForTheRootAndEveryOffice()
    {
        await Services.GetRequiredService<DemoSeeder>().SeedAsync(Token);

        var accounts = Services.GetRequiredService<Functions.OfficeConsole.Accounts.AccountStore>();
        var upper = await accounts.FindByEmailAsync(DemoAccounts.UpperLevelEmail, Token);
        Assert.Equal((DemoTree.ProvinceId, ApiRole.UpperLevelOffice), (upper!.Value.OrganisationId, upper.Value.Role));
        foreach (var organisation in DemoTree.Organisations)
        {
            var clerk = await accounts.FindByEmailAsync(DemoAccounts.ClerkEmail(organisation.Id), Token);
            Assert.Equal((organisation.Id, ApiRole.Office), (clerk!.Value.OrganisationId, clerk.Value.Role));
        }
    }

    [Fact]
    public async Task SeedAsync_SecondRun_SeedsNothingAndLeavesTheStoreAsItWas()
    {
        var seeder = Services.GetRequiredService<DemoSeeder>();
        await seeder.SeedAsync(Token);
        var before = await Services.GetRequiredService<RegulationStore>().ListByOrganisationAsync(DemoTree.FinanceId, Token).ToListAsync(Token);
        var keysBefore = await File.ReadAllTextAsync(_keysFile, Token);

        var seeded = await seeder.SeedAsync(Token);

        Assert.False(seeded);
        var after = await Services.GetRequiredService<RegulationStore>().ListByOrganisationAsync(DemoTree.FinanceId, Token).ToListAsync(Token);
        Assert.Equal(before.Select(r => r.ETag), after.Select(r => r.ETag));
        Assert.Equal(keysBefore, await File.ReadAllTextAsync(_keysFile, Token));
    }

    [Fact]
    public async Task SeedAsync_EmptyStore_DraftIsAGenuineDocxHoldingTheArticlesInVietnamese()
    {
        await Services.GetRequiredService<DemoSeeder>().SeedAsync(Token);

        var regulation = (await Services.GetRequiredService<RegulationStore>().ListByOrganisationAsync(DemoTree.FinanceId, Token).ToListAsync(Token)).Single();
        var draft = regulation.Value.InitialCycle.Drafts.Single();
        var stored = await Services.GetRequiredService<DocumentStore>().DownloadAsync(draft.ContentHash, Token);
        Assert.NotNull(stored);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(stored.Content.ToArray()));
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = System.Xml.Linq.XDocument.Parse(await reader.ReadToEndAsync(Token));
        Assert.Contains("Điều 2. Nguyên tắc làm việc", xml.Root!.Value, StringComparison.Ordinal);
        Assert.Equal(DraftVersion.DocxContentType, draft.ContentType);
    }

    [Fact]
    public async Task SeedAsync_AppRunning_MailsConsultationLinksAndVoteLinksToMaildev()
    {
        await Services.GetRequiredService<DemoSeeder>().SeedAsync(Token);

        var finance = DemoTree.Organisations.Single(o => o.Id == DemoTree.FinanceId);
        var health = DemoTree.Organisations.Single(o => o.Id == DemoTree.HealthId);
        var invitation = await maildev.Maildev.WaitForEmailAsync(
            DemoTree.ConsultedParties(DemoTree.FinanceId)[0].Email, HasPersonalLink, TimeSpan.FromSeconds(60), Token);
        var voteRequest = await maildev.Maildev.WaitForEmailAsync(
            health.Committee.Secretary.Email, HasPersonalLink, TimeSpan.FromSeconds(60), Token);
        Assert.Contains("Ban Thường vụ Đảng ủy Sở Tài chính đề nghị đồng chí góp ý", invitation.Text, StringComparison.Ordinal);
        Assert.Contains(finance.Name, invitation.Text, StringComparison.Ordinal);
        Assert.Contains("Ban Thường vụ Đảng ủy Sở Y tế xem xét", voteRequest.Text, StringComparison.Ordinal);
        Assert.Contains(health.OfficeName, voteRequest.Text, StringComparison.Ordinal);
        Assert.Equal("Văn phòng Đảng ủy Sở Y tế", Assert.Single(voteRequest.From).Name);
        Assert.NotEqual(invitation.Subject, voteRequest.Subject);
    }

    private bool HasPersonalLink(MaildevEmail email) =>
        email.Text?.Contains(_app!.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()[AppSettings.LinksBaseUrl] + "/l/", StringComparison.Ordinal) == true;
}
