using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

public sealed class ConsoleAccountPagesTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private readonly ConsoleTestHost _host = fixture.Host;

    [Fact]
    public async Task Create_InTheSubtree_StoredListedAndAuditedUnderThePersonsName()
    {
        var upper = await _host.CreateAccountAsync("khoi", ApiRole.UpperLevelOffice, "Đỗ Văn Cấp Trên", TestContext.Current.CancellationToken);
        using var client = await _host.SignInAsync(upper.Email, TestContext.Current.CancellationToken);
        var email = Unique("thu-ky");

        using var created = await client.PostFormAsync(ConsolePaths.Accounts, Form("Ngô Thị Thư Ký", email, "co-so-2", "Office"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var stored = await _host.Get<AccountStore>().FindByEmailAsync(email, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal(("Ngô Thị Thư Ký", "co-so-2", ApiRole.Office, "Đỗ Văn Cấp Trên"), (stored.Value.FullName, stored.Value.OrganisationId, stored.Value.Role, stored.Value.CreatedBy));
        using var page = await client.GetAsync(created.Headers.Location, TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Đã tạo tài khoản cho đồng chí Ngô Thị Thư Ký", html, StringComparison.Ordinal);
        Assert.Contains(email, html, StringComparison.Ordinal);
        var audit = await ReadAuditAsync("co-so-2");
        var entry = Assert.Single(audit, e => e.Record.Action == "account.created" && e.Record.SubjectIds[0] == stored.Value.Id);
        Assert.Equal(("Đỗ Văn Cấp Trên", upper.Id), (entry.Record.ActorDisplay, entry.Record.ActorId));
        Assert.StartsWith("console ", entry.Record.Origin, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tinh", "Office", AccountFields.OrganisationId, "không thuộc phạm vi quản lý")]
    [InlineData("co-so-1", "Administrator", AccountFields.Role, "chỉ quản trị hệ thống")]
    [InlineData("co-so-1", "Office", AccountFields.FullName, "Đề nghị nhập họ và tên")]
    public async Task Create_Refused_FormComesBackFilledWithTheMessageBesideTheField(string organisationId, string role, string field, string message)
    {
        var upper = await _host.CreateAccountAsync("khoi", ApiRole.UpperLevelOffice, cancellationToken: TestContext.Current.CancellationToken);
        using var client = await _host.SignInAsync(upper.Email, TestContext.Current.CancellationToken);
        var email = Unique("bi-tu-choi");
        var name = field == AccountFields.FullName ? " " : "Vũ Văn Thử";

        using var refused = await client.PostFormAsync(ConsolePaths.Accounts, Form(name, email, organisationId, role), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"id=\"{field}-loi\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"aria-describedby=\"{field}-loi\"", html, StringComparison.Ordinal);
        Assert.Equal(email, ConsoleForms.InputValue(html, AccountFields.Email));
        Assert.Null(await _host.Get<AccountStore>().FindByEmailAsync(email, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Create_EmailThatHasAnAccount_Refused()
    {
        var upper = await _host.CreateAccountAsync("khoi", ApiRole.UpperLevelOffice, cancellationToken: TestContext.Current.CancellationToken);
        var existing = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        using var client = await _host.SignInAsync(upper.Email, TestContext.Current.CancellationToken);

        using var refused = await client.PostFormAsync(
            ConsolePaths.Accounts, Form("Người Khác", existing.Email.ToUpperInvariant(), "co-so-2", "Office"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Địa chỉ thư điện tử này đã có tài khoản.", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("co-so-1", (await _host.Get<AccountStore>().FindByEmailAsync(existing.Email, TestContext.Current.CancellationToken))!.Value.OrganisationId);
    }

    [Fact]
    public async Task Page_Clerk_Forbidden()
    {
        var clerk = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        using var client = await _host.SignInAsync(clerk.Email, TestContext.Current.CancellationToken);

        using var page = await client.GetAsync(ConsolePaths.Accounts, TestContext.Current.CancellationToken);
        using var home = await client.GetAsync(ConsolePaths.Home, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain(ConsolePaths.Accounts, await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ListsOnlyTheSubtree()
    {
        var upper = await _host.CreateAccountAsync("khoi", ApiRole.UpperLevelOffice, cancellationToken: TestContext.Current.CancellationToken);
        var inside = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        var above = await _host.CreateAccountAsync("tinh", ApiRole.UpperLevelOffice, cancellationToken: TestContext.Current.CancellationToken);
        using var client = await _host.SignInAsync(upper.Email, TestContext.Current.CancellationToken);

        using var page = await client.GetAsync(ConsolePaths.Accounts, TestContext.Current.CancellationToken);

        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(inside.Email, html, StringComparison.Ordinal);
        Assert.DoesNotContain(above.Email, html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"tinh\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_EndsTheSession_EnableLetsThePersonBackIn_BothAudited()
    {
        var upper = await _host.CreateAccountAsync("khoi", ApiRole.UpperLevelOffice, "Đỗ Văn Khóa", TestContext.Current.CancellationToken);
        var clerk = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        using var upperClient = await _host.SignInAsync(upper.Email, TestContext.Current.CancellationToken);
        using var clerkClient = await _host.SignInAsync(clerk.Email, TestContext.Current.CancellationToken);

        using var disabled = await upperClient.PostFormAsync(ConsolePaths.Accounts, [], ConsolePaths.AccountDisable(clerk.Id), TestContext.Current.CancellationToken);
        using var clerkHome = await clerkClient.GetAsync(ConsolePaths.Home, TestContext.Current.CancellationToken);
        using var enabled = await upperClient.PostFormAsync(ConsolePaths.Accounts, [], ConsolePaths.AccountEnable(clerk.Id), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, clerkHome.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, enabled.StatusCode);
        Assert.False((await _host.Get<AccountStore>().GetAsync(clerk.Id, TestContext.Current.CancellationToken))!.Value.IsDisabled);
        using var again = await _host.SignInAsync(clerk.Email, TestContext.Current.CancellationToken);
        var actions = (await ReadAuditAsync("co-so-1")).Where(e => e.Record.SubjectIds[0] == clerk.Id).Select(e => (e.Record.Action, e.Record.ActorDisplay));
        Assert.Equal([("account.disabled", "Đỗ Văn Khóa"), ("account.enabled", "Đỗ Văn Khóa")], actions);
    }

    [Fact]
    public async Task Disable_AccountOutsideTheSubtree_NotFoundAndUnchanged()
    {
        var upper = await _host.CreateAccountAsync("co-so-1", ApiRole.UpperLevelOffice, cancellationToken: TestContext.Current.CancellationToken);
        var other = await _host.CreateAccountAsync("co-so-2", cancellationToken: TestContext.Current.CancellationToken);
        using var client = await _host.SignInAsync(upper.Email, TestContext.Current.CancellationToken);

        using var refused = await client.PostFormAsync(ConsolePaths.Accounts, [], ConsolePaths.AccountDisable(other.Id), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.False((await _host.Get<AccountStore>().GetAsync(other.Id, TestContext.Current.CancellationToken))!.Value.IsDisabled);
    }

    [Fact]
    public async Task Api_UpperLevelKey_CreatesInItsSubtreeOnly_WithIdempotency()
    {
        var key = await _host.Get<ApiKeyStore>().CreateAsync(ApiRole.UpperLevelOffice, "khoi", "kiểm thử", TestContext.Current.CancellationToken);
        using var api = _host.App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key.Key);
        var email = Unique("api");
        var body = new CreateAccountRequest("Lý Văn Hệ Thống", email, "co-so-1", "Office");

        using var first = await Post(api, AccountsApi.Path, body, "k-" + email[..10]);
        using var retry = await Post(api, AccountsApi.Path, body, "k-" + email[..10]);
        using var outside = await Post(api, AccountsApi.Path, body with { Email = Unique("api"), OrganisationId = "tinh" }, null);
        using var admin = await Post(api, AccountsApi.Path, body with { Email = Unique("api"), Role = "Administrator" }, null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var repeated = await retry.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(created.GetProperty("id").GetString(), repeated.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        var problem = await outside.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(AccountFields.OrganisationId, out _));
        Assert.Equal(HttpStatusCode.BadRequest, admin.StatusCode);
        var audit = await ReadAuditAsync("co-so-1");
        Assert.Single(audit, e => e.Record.Action == "account.created" && e.Record.SubjectIds[0] == created.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Api_DisableAndList()
    {
        var key = await _host.Get<ApiKeyStore>().CreateAsync(ApiRole.UpperLevelOffice, "khoi", "kiểm thử", TestContext.Current.CancellationToken);
        var clerk = await _host.CreateAccountAsync("co-so-2", cancellationToken: TestContext.Current.CancellationToken);
        var above = await _host.CreateAccountAsync("tinh", ApiRole.UpperLevelOffice, cancellationToken: TestContext.Current.CancellationToken);
        using var api = _host.App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key.Key);

        using var disabled = await api.PostAsync($"{AccountsApi.Path}/{clerk.Id}/disable", null, TestContext.Current.CancellationToken);
        using var outside = await api.PostAsync($"{AccountsApi.Path}/{above.Id}/disable", null, TestContext.Current.CancellationToken);
        var list = await api.GetFromJsonAsync<JsonElement>(AccountsApi.Path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        var emails = list.EnumerateArray().Select(a => a.GetProperty("email").GetString()).ToList();
        Assert.Contains(clerk.Email, emails);
        Assert.DoesNotContain(above.Email, emails);
    }

    [Fact]
    public async Task Api_ClerkKey_Forbidden()
    {
        var key = await _host.Get<ApiKeyStore>().CreateAsync(ApiRole.Office, "co-so-1", "kiểm thử", TestContext.Current.CancellationToken);
        using var api = _host.App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key.Key);

        using var list = await api.GetAsync(AccountsApi.Path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    private static KeyValuePair<string, string>[] Form(string fullName, string email, string organisationId, string role) =>
    [
        new(AccountFields.FullName, fullName),
        new(AccountFields.Email, email),
        new(AccountFields.OrganisationId, organisationId),
        new(AccountFields.Role, role),
    ];

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}@kiem-thu.example.vn";

    private static async Task<HttpResponseMessage> Post(HttpClient api, string path, CreateAccountRequest body, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await api.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<List<AuditLogEntry>> ReadAuditAsync(string partition)
    {
        var entries = new List<AuditLogEntry>();
        await foreach (var entry in _host.Get<AuditLog>().ReadAsync(partition, TestContext.Current.CancellationToken))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
