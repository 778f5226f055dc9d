using System.Globalization;
using System.Net.Http.Headers;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Quality;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.Tests.OfficeConsole;
using QuyCheWorkflow.Functions.Tests.State;
using QuyCheWorkflow.Testing;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Tests.Status;

/// <summary>
/// The whole app on Azurite with tables unique to one test, a fake clock, and a seeded tree:
/// province "tinh-uy" → bloc "duk" → base-1 (voting, 2 of 7 still due), base-2 (filed with duk, review overdue),
/// base-3 (no regulation); and a sibling district "huyen" → "huyen-cs", whose name holds a comma and quotes.
/// Keys: <see cref="BlocKey"/> (upper-level office of duk), <see cref="DistrictKey"/> (office of huyen). Console
/// accounts: <see cref="BlocPerson"/> (upper-level office of duk), <see cref="DistrictPerson"/> (office of huyen),
/// signed in by the e-mailed link through the assembly's maildev.
/// </summary>
internal sealed class StatusTestHost : IAsyncDisposable
{
    /// <summary>15 October 2026, 09:00 Vietnam time: base-2's review (due 16 September) is overdue.</summary>
    public static readonly DateTimeOffset Now = new(2026, 10, 15, 2, 0, 0, TimeSpan.Zero);

    public const string DistrictChildName = "Chi bộ \"Phòng 1\", xã An Phú";

    public static readonly string[] SeededIds = ["tinh-uy", "duk", "base-1", "base-2", "base-3", "huyen", "huyen-cs"];

    private StatusTestHost(TestApp app, FakeTimeProvider clock, MaildevInstance maildev)
    {
        App = app;
        Clock = clock;
        Maildev = maildev;
    }

    public MaildevInstance Maildev { get; }

    public Account BlocPerson { get; private set; } = default!;

    public Account DistrictPerson { get; private set; } = default!;

    public TestApp App { get; }

    public FakeTimeProvider Clock { get; }

    public string BlocKey { get; private set; } = "";

    public string DistrictKey { get; private set; } = "";

    public string BlocKeyId { get; private set; } = "";

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<StatusTestHost> StartAsync(AzuriteFixture azurite, MaildevFixture maildev, CancellationToken cancellationToken)
    {
        string unique = "s" + Guid.NewGuid().ToString("N")[..12];
        FakeTimeProvider clock = new(TestData.T0);
        var app = await TestApp.StartAsync(
            ConsoleTestHost.Settings(azurite, maildev, unique),
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.Configure<StateOptions>(o =>
                {
                    o.TablePrefix = unique;
                    o.DocumentsContainer = "documents-" + unique;
                });
            });
        var host = new StatusTestHost(app, clock, maildev.Maildev);
        try
        {
            await host.SeedAsync(cancellationToken);
            return host;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = App.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        }

        return client;
    }

    /// <summary>An <see cref="HttpClient"/> (cookies kept, redirects not followed) signed in to the console as <paramref name="person"/>.</summary>
    public Task<HttpClient> SignInAsync(Account person, CancellationToken cancellationToken = default) =>
        ConsoleSessions.SignInAsync(App.BaseAddress, Maildev, person.Email, cancellationToken);

    public async Task<string> CreateKeyAsync(ApiRole role, string organisationId, CancellationToken cancellationToken)
    {
        var created = await Get<ApiKeyStore>().CreateAsync(role, organisationId, "kiểm thử", cancellationToken);
        return created.Key;
    }

    /// <summary>
    /// Writes into the status rows the copy and consultation figures a refresh writes once texts were compared and a
    /// consultation closed (the comparison and the figures have tests of their own): base-1's draft 96 % alike to the
    /// previous term's regulation, so copied, its last consultation answered by 80 %; base-2's issued text a scan, its
    /// last consultation answered by 30 %, so held for form. Idempotent; nothing else of the seeded tree changes.
    /// </summary>
    public async Task AddQualityFiguresAsync(CancellationToken cancellationToken)
    {
        var table = await Get<StateTables>().GetAsync(StatusProjection.TableName, cancellationToken);
        async Task WriteAsync(string path, TextLikeness likeness, ConsultationSummary consultation) =>
            await table.UpsertEntityAsync(
                new TableEntity("tinh-uy", path)
                {
                    ["Likeness"] = StateJson.Serialize(likeness),
                    ["LastConsultation"] = StateJson.Serialize(consultation),
                },
                TableUpdateMode.Merge,
                cancellationToken);

        await WriteAsync("tinh-uy|duk|base-1",
            new TextLikeness(new LikenessFigure(LikenessKind.Measured, 96), new LikenessFigure(LikenessKind.Measured, 71), IsCopiedFromPreviousTerm: true),
            new ConsultationSummary("round-1", ResponseRatePercent: 80, BareAgreementPercent: 50, CommentCount: 6, AcceptedPercent: 67, DaysOpen: 10, IsFormal: false));
        await WriteAsync("tinh-uy|duk|base-2",
            new TextLikeness(new LikenessFigure(LikenessKind.Scanned, null), new LikenessFigure(LikenessKind.Scanned, null), IsCopiedFromPreviousTerm: false),
            new ConsultationSummary("round-1", ResponseRatePercent: 30, BareAgreementPercent: 100, CommentCount: 0, AcceptedPercent: 0, DaysOpen: 7, IsFormal: true));
        Get<StatusProjection>().ForgetTrees();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private async Task SeedAsync(CancellationToken ct)
    {
        var organisations = Get<OrganisationStore>();
        var regulations = Get<RegulationStore>();
        var index = Get<RegulationIndex>();
        var audit = Get<AuditLog>();
        await organisations.CreateAsync(StateTestData.Organisation("tinh-uy", null, "TU"), ct);
        await organisations.CreateAsync(StateTestData.Organisation("duk", "tinh-uy", "ĐUK"), ct);
        await organisations.CreateAsync(StateTestData.Organisation("huyen", "tinh-uy", "HU"), ct);
        await organisations.CreateAsync(
            StateTestData.Organisation("huyen-cs", "huyen", "CB") with { Name = DistrictChildName }, ct);
        for (int i = 1; i <= 3; i++)
        {
            await organisations.CreateAsync(StateTestData.Organisation($"base-{i}", "duk", committeeSize: i == 1 ? 7 : 3), ct);
        }

        var voting = StateTestData.InVote("base-1", "reg-base-1", StateTestData.Committee(7));
        for (int m = 1; m <= 5; m++)
        {
            voting.Vote.Cast($"m{m}", m <= 3 ? VoteChoice.Agree : VoteChoice.Disagree, m <= 3 ? null : "Cần bổ sung Điều 7.", TestData.T0.AddDays(4));
        }

        await index.ReserveAsync("reg-base-1", "base-1", ct);
        await regulations.AddAsync(voting.Regulation.ToState(), ct);
        await Get<VoteRoundStore>().AddAsync(voting.Vote.ToState(), ct);
        await audit.AppendAsync("reg-base-1", new AuditRecord("van-phong", "Văn phòng Đảng ủy", "regulation.created", ["reg-base-1", "base-1"], null, "api"), ct);
        Clock.Advance(TimeSpan.FromHours(1));
        await audit.AppendAsync("reg-base-1", new AuditRecord("van-phong", "Văn phòng Đảng ủy", "draft.uploaded", ["reg-base-1"], "{\"version\":1}", "api"), ct);
        Clock.Advance(TimeSpan.FromDays(3));
        await audit.AppendAsync("reg-base-1", new AuditRecord("m1", "Nguyễn Thị Ánh 1", "vote.cast", ["reg-base-1", "m1"], "{\"choice\":\"Agree\"}", "link"), ct);

        var filed = StateTestData.Filed("base-2", "reg-base-2", "duk", new DateOnly(2026, 3, 16));
        await index.ReserveAsync("reg-base-2", "base-2", ct);
        await regulations.AddAsync(filed.Regulation.ToState(), ct);
        await Get<FilingStore>().AddAsync(filed.Filing!.ToState(), ct);

        var district = StateTestData.InVote("huyen-cs", "reg-huyen-cs", StateTestData.Committee(3));
        await index.ReserveAsync("reg-huyen-cs", "huyen-cs", ct);
        await regulations.AddAsync(district.Regulation.ToState(), ct);
        await Get<VoteRoundStore>().AddAsync(district.Vote.ToState(), ct);
        await audit.AppendAsync("reg-huyen-cs", new AuditRecord("van-phong", "Văn phòng Huyện ủy", "regulation.created", ["reg-huyen-cs"], null, "api"), ct);

        Clock.SetUtcNow(Now);
        var status = Get<StatusProjection>();
        foreach (string id in SeededIds)
        {
            await status.RefreshAsync(id, ct);
        }

        var bloc = await Get<ApiKeyStore>().CreateAsync(ApiRole.UpperLevelOffice, "duk", "Văn phòng Đảng ủy Khối", ct);
        BlocKey = bloc.Key;
        BlocKeyId = bloc.Record.KeyId;
        DistrictKey = await CreateKeyAsync(ApiRole.Office, "huyen", ct);
        BlocPerson = await ConsoleAccounts.CreateAsync(App.Services, "duk", ApiRole.UpperLevelOffice, "Trần Văn Khối", cancellationToken: ct);
        DistrictPerson = await ConsoleAccounts.CreateAsync(App.Services, "huyen", ApiRole.Office, "Lê Thị Huyện", cancellationToken: ct);
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
