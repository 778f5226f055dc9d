using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Tests.CustomHandler;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Functions.Tests.Web;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.EndToEnd;

/// <summary>
/// One regulation from upload to its first review reminder, through the running app only: the office calls the
/// API, every consultation answer, ballot and acknowledgement is given by reading the e-mail from maildev and
/// following its link in Chromium, and the upper level reads the outcome from the status endpoint. The clock
/// runs in real time until the review, then jumps five and a half months, and the host's hourly ReminderSweep
/// invocation brings the waiting review cycle up to date.
/// </summary>
public sealed class RegulationEndToEndTests(AzuriteFixture azurite, MaildevFixture maildev, BrowserFixture browser) : IAsyncLifetime
{
    private const string BootstrapKey = "e2e-bootstrap-administrator-key-0123456789";

    private readonly string _unique = "e" + Guid.NewGuid().ToString("N")[..12];
    private readonly ShiftedTimeProvider _clock = new();
    private TestApp? _app;
    private IBrowserContext? _phone;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Domain => _unique + ".example.vn";

    public async ValueTask InitializeAsync()
    {
        _app = await EndToEndApp.StartAsync(_unique, _clock, azurite, maildev,
            new Dictionary<string, string?> { [AppSettings.AuthBootstrapAdminKey] = BootstrapKey });
        _phone = await browser.NewPhoneContextAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_phone is not null)
        {
            await _phone.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Regulation_FromUploadToReviewReminder_EveryPersonActsThroughTheirEmailedLink()
    {
        using var admin = Client(BootstrapKey);
        string upperId = _unique + "-duk";
        string baseId = _unique + "-du";
        await CreateOrganisationAsync(admin, upperId, "Đảng ủy Khối các cơ quan tỉnh", "ĐUK", null, "khoi", 3);
        await CreateOrganisationAsync(admin, baseId, "Đảng bộ Sở Tư pháp", "ĐU", upperId, "tuphap", 3);
        using var office = Client(await CreateKeyAsync(admin, baseId, "Office"));
        using var upperOffice = Client(await CreateKeyAsync(admin, upperId, "UpperLevelOffice"));
        string regulations = $"/api/organisations/{baseId}/regulations";
        string regulationId = _unique + "-qc";
        string regulation = $"{regulations}/{regulationId}";

        // Draft and consultation: each consulted party agrees through its link.
        await SendAsync(office, HttpMethod.Post, regulations, new { regulationId, title = "Quy chế làm việc của Ban Chấp hành Đảng bộ Sở Tư pháp, nhiệm kỳ 2025–2030" });
        await UploadDraftAsync(office, regulation);
        await SendAsync(office, HttpMethod.Post, regulation + "/consultation", new
        {
            recipients = new[]
            {
                new { recipientId = "chi-bo-1", name = "Chi bộ Văn phòng", email = $"chibo1@{Domain}" },
                new { recipientId = "cong-doan", name = "Công đoàn cơ sở", email = $"congdoan@{Domain}" },
            },
            deadline = _clock.GetUtcNow().AddDays(7),
        });
        foreach (var recipient in new[] { $"chibo1@{Domain}", $"congdoan@{Domain}" })
        {
            var page = await OpenLinkAsync(recipient, "Lấy ý kiến góp ý");
            await page.GetByLabel("Nhất trí", new() { Exact = false }).First.CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("nhất trí", new() { IgnoreCase = true });
        }

        Assert.Equal("Resolving", (await StatusRowAsync(office, baseId, baseId)).GetProperty("stage").GetString());

        // The standing committee: two of three agree, which decides the round; the third link then shows the result.
        await SendAsync(office, HttpMethod.Post, regulation + "/vote", new { deadline = _clock.GetUtcNow().AddDays(5) });
        foreach (var member in new[] { 1, 2 })
        {
            var page = await OpenLinkAsync($"tuphap.m{member}@{Domain}", "Biểu quyết");
            await page.GetByLabel("Đồng ý", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi biểu quyết" }).ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đồng ý");
        }

        var late = await OpenLinkAsync($"tuphap.m3@{Domain}", "Biểu quyết");
        Assert.Equal(0, await late.Locator("form input[name=choice]").CountAsync());
        Assert.Equal("Approved", (await StatusRowAsync(office, baseId, baseId)).GetProperty("stage").GetString());

        // Issuance, filing, and the upper level's acknowledgement through its link.
        var issueDate = VietnamTime.DateOf(_clock.GetUtcNow());
        await SendAsync(office, HttpMethod.Post, regulation + "/issuance", new { issueDate, signerName = "Nguyễn Văn tuphap 1" });
        await SendAsync(office, HttpMethod.Post, regulation + "/filing", new { });
        var filingPage = await OpenLinkAsync($"vanphong.khoi@{Domain}", "");
        await filingPage.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã tiếp nhận" }).ClickAsync();
        await Assertions.Expect(filingPage.Locator("main")).ToContainTextAsync("tiếp nhận");

        var row = await StatusRowAsync(upperOffice, upperId, baseId);
        Assert.Equal("01-QC/ĐU", row.GetProperty("regulationNumber").GetString());
        Assert.Equal("InForce", row.GetProperty("stage").GetString());
        Assert.NotEqual(JsonValueKind.Null, row.GetProperty("acknowledgedAt").ValueKind);
        var due = DateOnly.Parse(row.GetProperty("nextReviewDue").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(issueDate.AddMonths(6), due);

        // Once the review cycle waits for its first reminder, five and a half months pass and the hourly sweep
        // finds it asleep past that instant.
        await WaitForReviewCycleAsync(regulationId);
        var target = VietnamTime.ToInstant(due.AddDays(-13), new TimeOnly(9, 0));
        _clock.Jump(target - _clock.GetUtcNow());
        using var host = _app!.CreateClient();
        using var sweep = await host.PostAsJsonAsync(
            "/ReminderSweep", InvocationPayloads.TimerTrigger("ReminderSweep", _clock.GetUtcNow(), isPastDue: false), Token);
        Assert.Equal(HttpStatusCode.OK, sweep.StatusCode);

        var reminder = await maildev.Maildev.WaitForEmailAsync(
            $"vanphong.tuphap@{Domain}", e => e.Subject.StartsWith("Nhắc rà soát định kỳ", StringComparison.Ordinal), EndToEndApp.MailWait, Token);
        Assert.Contains("01-QC/ĐU", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains(reminder.Attachments ?? [], a => a.ContentType?.StartsWith("text/calendar", StringComparison.Ordinal) == true);
    }

    private async Task WaitForReviewCycleAsync(string regulationId)
    {
        var durable = _app!.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>();
        var giveUp = DateTime.UtcNow + EndToEndApp.MailWait;
        while (true)
        {
            await foreach (var instance in durable.GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery { InstanceIdPrefix = $"review|{regulationId}|" }).WithCancellation(Token))
            {
                if (instance.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Running && instance.SerializedCustomStatus is not null)
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < giveUp, "The review cycle never started waiting for its reminders.");
            await Task.Delay(200, Token);
        }
    }

    private HttpClient Client(string key)
    {
        var client = _app!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    private async Task CreateOrganisationAsync(HttpClient admin, string id, string name, string code, string? parentId, string mailbox, int members)
    {
        await SendAsync(admin, HttpMethod.Post, "/api/organisations", new
        {
            id,
            name,
            code,
            type = "Agency",
            parentId,
            term = "2025-2030",
            officeEmail = $"vanphong.{mailbox}@{Domain}",
            members = Enumerable.Range(1, members).Select(i => new
            {
                memberId = $"m{i}",
                fullName = $"Nguyễn Văn {mailbox} {i}",
                email = $"{mailbox}.m{i}@{Domain}",
                role = i == 1 ? "Secretary" : "Member",
            }),
        });
    }

    private static async Task<string> CreateKeyAsync(HttpClient admin, string organisationId, string role)
    {
        using var response = await admin.PostAsJsonAsync("/api/admin/api-keys", new { organisationId, role, label = "E2E" }, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        return body.RootElement.GetProperty("key").GetString()!;
    }

    private static async Task SendAsync(HttpClient client, HttpMethod method, string path, object body)
    {
        using HttpRequestMessage request = new(method, path) { Content = JsonContent.Create(body) };
        using var response = await client.SendAsync(request, Token);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Token)}");
    }

    private static async Task UploadDraftAsync(HttpClient office, string regulation)
    {
        using MultipartFormDataContent form = new();
        ByteArrayContent file = new(TestDocuments.Docx());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "du-thao.docx");
        using var response = await office.PostAsync(regulation + "/drafts", form, Token);
        Assert.True(response.IsSuccessStatusCode, $"upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Token)}");
    }

    private static async Task<JsonElement> StatusRowAsync(HttpClient upperOffice, string upperId, string organisationId)
    {
        using var body = JsonDocument.Parse(await upperOffice.GetStringAsync($"/api/status?organisationId={upperId}", Token));
        return body.RootElement.GetProperty("organisations").EnumerateArray()
            .Single(o => o.GetProperty("organisationId").GetString() == organisationId).Clone();
    }

    /// <summary>Waits for the newest e-mail to <paramref name="recipient"/> whose subject starts so, and opens its link.</summary>
    private async Task<IPage> OpenLinkAsync(string recipient, string subjectStart)
    {
        string link = await EndToEndApp.PersonalLinkAsync(maildev.Maildev, recipient, subjectStart, Token);
        var page = await _phone!.NewPageAsync();
        var response = await page.GotoAsync(link);
        Assert.Equal(200, response!.Status);
        return page;
    }
}
