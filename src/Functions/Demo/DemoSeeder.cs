using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Demo;

/// <summary>
/// Seeds the local demo once, into a store without the demo tree: the organisations with their committees,
/// an upper-level office key and an office key (written to <see cref="DemoOptions.KeysFile"/>), a regulation in
/// consultation (Sở Tài chính) and one before its standing committee (Sở Y tế), and the province's campaign directing
/// every organisation below it to issue its regulation for the term within 40 days. Everything goes through the
/// same stores and commands as real use, so the e-mails the orchestrations send land in maildev's inbox.
/// </summary>
public sealed class DemoSeeder(
    IOptions<DemoOptions> options,
    OrganisationStore organisationStore,
    OrganisationWorkflow organisations,
    ApiKeyStore apiKeys,
    OfficeConsole.Accounts.AccountStore accounts,
    RegulationWorkflow workflow,
    Campaigns.CampaignWorkflow campaigns,
    TimeProvider timeProvider,
    ILogger<DemoSeeder> logger)
{
    /// <summary>The id of the province office's demo campaign.</summary>
    public const string CampaignId = "demo-ban-hanh-nhiem-ky";

    private static readonly Actor s_seeder = new("demo-seed", "Dữ liệu mẫu", "system");

    /// <summary>Seeds unless the demo province exists already. Safe to call at every start.</summary>
    /// <returns>False when the demo data was there already.</returns>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await organisationStore.GetAsync(DemoTree.ProvinceId, cancellationToken) is not null)
        {
            // A store seeded before the console's accounts existed gets them now.
            await SeedAccountsAsync(cancellationToken);
            Log.DemoAlreadySeeded(logger);
            return false;
        }

        await WriteKeysAsync(cancellationToken);
        foreach (var organisation in DemoTree.Organisations)
        {
            await organisations.CreateAsync(organisation, s_seeder, cancellationToken);
        }

        await SeedAccountsAsync(cancellationToken);
        await SeedConsultationAsync(DemoTree.FinanceId, cancellationToken);
        await SeedVoteAsync(DemoTree.HealthId, cancellationToken);
        await SeedCampaignAsync(cancellationToken);
        Log.DemoSeeded(logger, DemoTree.Organisations.Count);
        return true;
    }

    /// <summary>
    /// The province office's campaign: every organisation below it issues its regulation for the current term within 40
    /// days, reminded 30, 7 and 1 days before; it closes by itself 30 days after the deadline.
    /// </summary>
    private async Task SeedCampaignAsync(CancellationToken cancellationToken)
    {
        var today = VietnamTime.DateOf(timeProvider.GetUtcNow());
        var deadline = today.AddDays(40);
        var office = new System.Security.Claims.ClaimsPrincipal(
            QuyCheWorkflowClaimTypes.CreateIdentity("demo", s_seeder.Id, ApiRole.UpperLevelOffice, DemoTree.ProvinceId));
        await campaigns.StartAsync(office, s_seeder, new Campaigns.StartCampaign(
            CampaignId, DemoTree.ProvinceId, "Ban hành quy chế làm việc nhiệm kỳ 2025 - 2030",
            new Domain.Campaigns.CampaignRequirement(Domain.Campaigns.CampaignRequirementKind.IssueForCurrentTerm), deadline, [],
            EndsOn: deadline.AddDays(30), DirectingDocument: new Domain.Campaigns.DirectingDocument("125-CV/TU", today.AddDays(-1))), cancellationToken);
    }

    /// <summary>Creates each of <see cref="DemoAccounts.All"/> that does not exist yet.</summary>
    private async Task SeedAccountsAsync(CancellationToken cancellationToken)
    {
        foreach (var (fullName, email, organisationId, role) in DemoAccounts.All)
        {
            if (await accounts.FindByEmailAsync(email, cancellationToken) is null)
            {
                await accounts.CreateAsync(
                    new OfficeConsole.Accounts.Account(
                        OfficeConsole.Accounts.AccountStore.NewId(), fullName, email, organisationId, role, timeProvider.GetUtcNow(), s_seeder.Display),
                    cancellationToken);
            }
        }
    }

    private async Task SeedConsultationAsync(string organisationId, CancellationToken cancellationToken)
    {
        var regulationId = await DraftAsync(organisationId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var organisation = DemoTree.Organisations.Single(o => o.Id == organisationId);
        List<ConsultationRecipient> recipients =
        [
            .. DemoTree.ConsultedParties(organisationId).Select(p => new ConsultationRecipient(p.Id, p.Name, p.Email)),
            .. organisation.Committee.Members.Select(m => new ConsultationRecipient(m.MemberId, m.FullName, m.Email)),
        ];
        await workflow.OpenConsultationAsync(organisationId, regulationId, recipients, DeadlineAfterDays(now, 10), s_seeder, cancellationToken);
    }

    private async Task SeedVoteAsync(string organisationId, CancellationToken cancellationToken)
    {
        var regulationId = await DraftAsync(organisationId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var parties = DemoTree.ConsultedParties(organisationId);
        var round = await workflow.OpenConsultationAsync(
            organisationId, regulationId, [.. parties.Select(p => new ConsultationRecipient(p.Id, p.Name, p.Email))],
            DeadlineAfterDays(now, 5), s_seeder, cancellationToken);
        foreach (var party in parties)
        {
            await workflow.AnswerConsultationAsync(
                regulationId, round.Id, party.Id, agree: true, [], new Actor(party.Id, party.Name, "system"), cancellationToken);
        }

        await workflow.SubmitForVoteAsync(organisationId, regulationId, DeadlineAfterDays(now, 7), s_seeder, cancellationToken);
    }

    private async Task<string> DraftAsync(string organisationId, CancellationToken cancellationToken)
    {
        var organisation = DemoTree.Organisations.Single(o => o.Id == organisationId);
        string term = $"{organisation.CurrentTerm.StartYear}–{organisation.CurrentTerm.EndYear}";
        string title = $"Quy chế làm việc của Ban Chấp hành {organisation.Name}, nhiệm kỳ {term}";
        string regulationId = $"{organisationId}-qc-{organisation.CurrentTerm.StartYear}";
        await workflow.CreateRegulationAsync(organisationId, regulationId, title, null, s_seeder, cancellationToken);
        var document = DemoDocument.Create(title.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), DraftArticles(organisation.Name));
        await workflow.UploadDraftAsync(
            organisationId, regulationId, document, $"du-thao-quy-che-{organisationId}.docx", DraftVersion.DocxContentType, s_seeder, cancellationToken);
        return regulationId;
    }

    /// <summary>17:00 Vietnam time, <paramref name="days"/> days after today in Vietnam.</summary>
    private static DateTimeOffset DeadlineAfterDays(DateTimeOffset now, int days) =>
        VietnamTime.ToInstant(VietnamTime.DateOf(now).AddDays(days), new TimeOnly(17, 0));

    private static IEnumerable<(string Heading, string Text)> DraftArticles(string organisationName) =>
    [
        ("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng",
            $"Quy chế này quy định nguyên tắc, chế độ làm việc, trách nhiệm, quyền hạn của Ban Chấp hành, Ban Thường vụ, Bí thư, Phó Bí thư và các ủy viên của {organisationName}."),
        ("Điều 2. Nguyên tắc làm việc",
            "Bảo đảm nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách; đề cao trách nhiệm của người đứng đầu."),
        ("Điều 3. Chế độ họp",
            "Ban Chấp hành họp thường lệ ba tháng một lần; Ban Thường vụ họp thường lệ mỗi tháng một lần, họp bất thường khi cần."),
        ("Điều 4. Quan hệ công tác",
            "Quan hệ với cấp ủy cấp trên, với chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội cùng cấp."),
        ("Điều 5. Rà soát, sửa đổi quy chế",
            "Ban Thường vụ rà soát việc thực hiện quy chế định kỳ sáu tháng một lần và đề xuất sửa đổi, bổ sung khi cần."),
    ];

    private async Task WriteKeysAsync(CancellationToken cancellationToken)
    {
        var upper = await apiKeys.CreateAsync(ApiRole.UpperLevelOffice, DemoTree.ProvinceId, "Văn phòng Tỉnh ủy (dữ liệu mẫu)", cancellationToken);
        var bloc = await apiKeys.CreateAsync(ApiRole.UpperLevelOffice, DemoTree.BlocId, "Văn phòng Đảng ủy Khối (dữ liệu mẫu)", cancellationToken);
        var office = await apiKeys.CreateAsync(ApiRole.Office, DemoTree.FinanceId, "Văn phòng Đảng ủy Sở Tài chính (dữ liệu mẫu)", cancellationToken);
        if (options.Value.KeysFile is not { Length: > 0 } path)
        {
            return;
        }

        StringBuilder text = new();
        text.AppendLine("# Khóa API của dữ liệu mẫu (bí mật: không chia sẻ, không đưa vào kho mã)");
        text.AppendLine(CultureInfo.InvariantCulture, $"Văn phòng Tỉnh ủy Bình Minh (cấp trên, toàn tỉnh): {upper.Key}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Văn phòng Đảng ủy Khối các cơ quan tỉnh (cấp trên): {bloc.Key}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Văn phòng Đảng ủy Sở Tài chính (văn phòng cấp ủy): {office.Key}");
        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
