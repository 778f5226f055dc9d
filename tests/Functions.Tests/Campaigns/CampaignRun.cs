using System.Security.Claims;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Campaigns;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Functions.Tests.Lifecycle;
using QuyCheWorkflow.Functions.Tests.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Campaigns;

/// <summary>
/// A campaign run on a <see cref="LifecycleHost"/>: the tree province "tinh" → bloc "duk" (the campaign's office) →
/// base organisations "cs-001"…, each with its office mailbox and a committee of three at this host's domain; and what
/// the tests read back: the mail of this host in maildev, by notification id.
/// </summary>
internal static class CampaignRun
{
    public const string OfficeId = "duk";

    public static readonly Actor Clerk = new("acc-duk", "Trần Văn Khối", "console");

    private static readonly string[] s_recipients = ["office", "secretary"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Member(int number) => $"cs-{number:D3}";

    public static ClaimsPrincipal OfficeUser() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "k"), new Claim(QuyCheWorkflowClaimTypes.Role, nameof(ApiRole.UpperLevelOffice)), new Claim(QuyCheWorkflowClaimTypes.Organisation, OfficeId)],
        "test", ClaimTypes.NameIdentifier, QuyCheWorkflowClaimTypes.Role));

    /// <summary>The province, the bloc and <paramref name="members"/> base organisations, with their status rows.</summary>
    public static async Task SeedAsync(LifecycleHost host, int members)
    {
        var store = host.Get<OrganisationStore>();
        await store.CreateAsync(Organisation(host, "tinh", null, "Đảng bộ tỉnh"), Ct);
        await store.CreateAsync(Organisation(host, OfficeId, "tinh", "Đảng bộ Khối các cơ quan tỉnh"), Ct);
        for (int i = 1; i <= members; i++)
        {
            await AddMemberAsync(host, Member(i));
        }

        await host.Get<StatusProjection>().RefreshAsync("tinh", Ct);
        await host.Get<StatusProjection>().RefreshAsync(OfficeId, Ct);
    }

    /// <summary>A base organisation under the bloc, with its status row (as creating it through the console does).</summary>
    public static async Task AddMemberAsync(LifecycleHost host, string id)
    {
        await host.Get<OrganisationStore>().CreateAsync(Organisation(host, id, OfficeId, $"Đảng bộ cơ sở {id}"), Ct);
        await host.Get<StatusProjection>().RefreshAsync(id, Ct);
    }

    /// <summary>Gives <paramref name="organisationId"/> a regulation issued on <paramref name="issuedOn"/> and filed with the bloc.</summary>
    public static async Task IssueAsync(LifecycleHost host, string organisationId, DateOnly issuedOn)
    {
        string regulationId = "qc-" + organisationId;
        var walk = StateTestData.Filed(organisationId, regulationId, OfficeId, issuedOn);
        await host.Get<RegulationIndex>().ReserveAsync(regulationId, organisationId, Ct);
        await host.Get<RegulationStore>().AddAsync(walk.Regulation.ToState(), Ct);
        await host.Get<FilingStore>().AddAsync(walk.Filing!.ToState(), Ct);
        await host.Get<StatusProjection>().RefreshAsync(organisationId, Ct);
    }

    public static StartCampaign Issue(string id, DateOnly deadline, DateOnly? endsOn = null) => new(
        id, OfficeId, "Ban hành quy chế làm việc nhiệm kỳ 2025 - 2030", new CampaignRequirement(CampaignRequirementKind.IssueForCurrentTerm),
        deadline, [], endsOn, new DirectingDocument("125-CV/ĐUK", new DateOnly(2026, 10, 10)));

    public static string OfficeMailbox(LifecycleHost host, string organisationId) => $"vanphong.{organisationId}@{host.Domain}";

    public static string SecretaryMailbox(LifecycleHost host, string organisationId) => $"{organisationId}.m1@{host.Domain}";

    /// <summary>This host's mail in maildev (its addresses are at its own domain), with each one's notification id.</summary>
    public static async Task<IReadOnlyList<(string NotificationId, MaildevEmail Mail)>> MailAsync(LifecycleHost host, MaildevFixture maildev)
    {
        var all = await maildev.Maildev.GetEmailsAsync(Ct);
        return [.. all
            .Where(e => e.To.Any(t => t.Address.EndsWith("@" + host.Domain, StringComparison.OrdinalIgnoreCase)))
            .Select(e => (e.Headers?["x-quyche-notification-id"].ToString() ?? "", e))];
    }

    /// <summary>The notification ids of one wave's mail to organisations: "campaign|{id}|{wave}|{organisation}|{recipient}".</summary>
    public static IEnumerable<string> WaveIds(string campaignId, string waveId, params string[] organisationIds) =>
        organisationIds.SelectMany(o => s_recipients.Select(r => $"campaign|{campaignId}|{waveId}|{o}|{r}"));

    private static Organisation Organisation(LifecycleHost host, string id, string? parentId, string name) => new OrganisationBuilder()
        .WithId(id).WithName(name).WithCode("ĐU").WithType(OrganisationType.Agency).WithParent(parentId)
        .WithCommittee(host.Committee(id, 3)).WithOfficeEmail($"vanphong.{id}@{host.Domain}").Build();
}
