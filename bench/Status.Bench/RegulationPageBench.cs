using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Status.Bench;

/// <summary>
/// A regulation's console page (<see cref="ConsolePaths.Regulation(string, string)"/>) loaded by its clerk, one load at
/// a time, with every storage request counted. The regulation is seeded through <see cref="RegulationWorkflow"/> with a
/// full drafting history: two drafts, a consultation of <see cref="Recipients"/> parties each answering with two
/// comments, every comment resolved, a third draft and the vote opened; so the page reads every kind of stage object
/// and a timeline of about sixty entries. The clerk has a console account and a session cookie of the console's own
/// scheme (given by a sign-in endpoint of the bench's), so each load also pays the session's account check.
/// </summary>
internal sealed class RegulationPageBench
{
    public const int Recipients = 10;

    private const string SignInPath = ConsolePaths.Root + "/bench-dang-nhap";
    private const string AccountId = "bench-clerk";
    private const string OrganisationId = "dang-uy-so-tai-chinh";
    private const string RegulationId = "dang-uy-so-tai-chinh-2025-2030";
    private static readonly Actor s_clerk = new("van-phong", "Văn phòng Đảng ủy Sở Tài chính", "bench");

    /// <summary>
    /// Maps the bench's sign-in: GET <see cref="SignInPath"/> starts a console session (the console's own cookie
    /// scheme and principal) for the clerk's account, as the e-mailed link would.
    /// </summary>
    public static void MapBenchSignIn(WebApplication app) =>
        app.MapGet(SignInPath, async (HttpContext context, AccountStore accounts) =>
        {
            var account = (await accounts.GetAsync(AccountId))!.Value;
            await context.SignInAsync(ConsoleAuthentication.Scheme, ConsoleAuthentication.PrincipalFor(account));
            return Results.NoContent();
        });

    public static async Task SeedAsync(StatusBench app)
    {
        var services = app.Services;
        var workflow = services.GetRequiredService<RegulationWorkflow>();
        var organisations = services.GetRequiredService<OrganisationStore>();
        await organisations.CreateAsync(new Organisation(OrganisationId, "Đảng bộ Sở Tài chính", OrganisationCode.Parse("ĐU"), OrganisationType.Agency, null,
            new Term(2025, 2030), new StandingCommittee([
                new CommitteeMember("bt", "Nguyễn Văn An", "an@example.vn", CommitteeRole.Secretary),
                new CommitteeMember("pbt", "Trần Thị Bình", "binh@example.vn", CommitteeRole.DeputySecretary),
                new CommitteeMember("uv", "Lê Văn Cường", "cuong@example.vn", CommitteeRole.Member),
            ])) { OfficeEmail = "vanphong@taichinh.example.vn" });
        await services.GetRequiredService<AccountStore>().CreateAsync(new Account(AccountId, "Lê Thị Cúc", "cuc@example.vn", OrganisationId, ApiRole.Office,
            DateTimeOffset.UtcNow, "bench"));
        await workflow.CreateRegulationAsync(OrganisationId, RegulationId, "Quy chế làm việc của Ban Chấp hành Đảng bộ Sở Tài chính, nhiệm kỳ 2025 - 2030", null, s_clerk);
        await workflow.UploadDraftAsync(OrganisationId, RegulationId, Docx("Dự thảo lần 1"), "du-thao-1.docx", DraftVersion.DocxContentType, s_clerk);
        await workflow.UploadDraftAsync(OrganisationId, RegulationId, Docx("Dự thảo lần 2"), "du-thao-2.docx", DraftVersion.DocxContentType, s_clerk);
        List<ConsultationRecipient> recipients = [.. Enumerable.Range(1, Recipients).Select(i =>
            new ConsultationRecipient(FormattableString.Invariant($"chi-bo-{i:D2}"), FormattableString.Invariant($"Chi bộ Phòng {i}"), FormattableString.Invariant($"chibo{i}@example.vn")))];
        var round = await workflow.OpenConsultationAsync(OrganisationId, RegulationId, recipients, DateTimeOffset.UtcNow.AddDays(10), s_clerk);
        foreach (var recipient in recipients)
        {
            await workflow.AnswerConsultationAsync(RegulationId, round.Id, recipient.RecipientId, false,
                [new CommentInput(3, "Đề nghị làm rõ trách nhiệm của Thường trực cấp ủy tại Điều 3."), new CommentInput(null, "Bổ sung chế độ thông tin, báo cáo.")],
                new Actor(recipient.RecipientId, recipient.Name, "link"));
        }

        var sheet = (await services.GetRequiredService<ConsultationStore>().GetSheetAsync(RegulationId, round.Id))!.Value;
        foreach (var comment in sheet.Comments)
        {
            await workflow.ResolveCommentAsync(OrganisationId, RegulationId, comment.CommentId, ResolutionOutcome.Accepted, "Đã tiếp thu, chỉnh sửa trong dự thảo lần 3.", s_clerk);
        }

        await workflow.UploadDraftAsync(OrganisationId, RegulationId, Docx("Dự thảo lần 3"), "du-thao-3.docx", DraftVersion.DocxContentType, s_clerk);
        await workflow.SubmitForVoteAsync(OrganisationId, RegulationId, DateTimeOffset.UtcNow.AddDays(5), s_clerk);
    }

    /// <summary>Loads the page <paramref name="loads"/> times after three warm-up loads.</summary>
    public static async Task<StatusBenchResult> MeasureAsync(StatusBench app, int loads)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        (await client.GetAsync(SignInPath)).EnsureSuccessStatusCode();
        string path = ConsolePaths.Regulation(OrganisationId, RegulationId);
        for (int i = 0; i < 3; i++)
        {
            await LoadAsync(client, path);
        }

        List<double> latencies = [];
        long requests = 0;
        long bytes = 0;
        for (int i = 0; i < loads; i++)
        {
            app.Counter.Reset();
            var started = Stopwatch.GetTimestamp();
            bytes = await LoadAsync(client, path);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            requests += app.Counter.Total;
        }

        latencies.Sort();
        return new StatusBenchResult("Regulation page (console), in vote after a 10-party consultation", loads, 1,
            StatusBench.Percentile(latencies, 0.50), StatusBench.Percentile(latencies, 0.95), latencies[^1], (double)requests / loads, bytes);
    }

    private static async Task<long> LoadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        }

        return body.LongLength;
    }

    // A minimal DOCX: the draft's bytes only need to differ and to be stored.
    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Add("word/document.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>""");
        }

        return stream.ToArray();
    }
}
