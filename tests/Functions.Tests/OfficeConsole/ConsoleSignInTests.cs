using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

public sealed class ConsoleSignInTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private readonly ConsoleTestHost _host = fixture.Host;

    [Fact]
    public async Task SignIn_ByEmailedLink_OpensTheConsoleAsThePerson()
    {
        var account = await _host.CreateAccountAsync("co-so-1", fullName: "Trần Thị Thư Ký", cancellationToken: TestContext.Current.CancellationToken);

        using var client = await _host.SignInAsync(account.Email, TestContext.Current.CancellationToken);
        using var home = await client.GetAsync(ConsolePaths.Home, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Trần Thị Thư Ký", html, StringComparison.Ordinal);
        Assert.Contains("Đăng xuất", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_EmailInAnotherCase_FindsTheAccount()
    {
        var account = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);

        using var client = await _host.SignInAsync("  " + account.Email.ToUpperInvariant() + " ", TestContext.Current.CancellationToken);

        using var home = await client.GetAsync(ConsolePaths.Home, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task RequestLink_UnknownAddress_SamePageAndNoMail()
    {
        var known = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        const string Unknown = "khong-co-tai-khoan@kiem-thu.example.vn";
        using var client = ConsoleSessions.CreateClient(_host.BaseAddress);
        var before = await ConsoleSessions.MailIdsAsync(_host.Maildev, TestContext.Current.CancellationToken);

        using var unknownAnswer = await client.PostFormAsync(ConsolePaths.SignIn, [new(ConsoleSignInPages.EmailField, Unknown)], cancellationToken: TestContext.Current.CancellationToken);
        using var knownAnswer = await client.PostFormAsync(ConsolePaths.SignIn, [new(ConsoleSignInPages.EmailField, known.Email)], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, unknownAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, knownAnswer.StatusCode);
        var unknownPage = await unknownAnswer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var knownPage = await knownAnswer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"Nếu địa chỉ {Unknown} có tài khoản, một liên kết đăng nhập đã được gửi", unknownPage, StringComparison.Ordinal);
        Assert.Equal(Normalise(unknownPage, Unknown), Normalise(knownPage, known.Email));

        // The mail to the known address went after the unknown one was answered: once it is there, none to the unknown one will come.
        await ConsoleSessions.WaitForLinkAsync(_host.Maildev, known.Email, before, TestContext.Current.CancellationToken);
        var mails = await _host.Maildev.GetEmailsAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(mails, m => m.To.Any(t => string.Equals(t.Address, Unknown, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task RequestLink_MalformedAddress_FormComesBackWithTheMessageBesideTheField()
    {
        using var client = ConsoleSessions.CreateClient(_host.BaseAddress);

        using var answer = await client.PostFormAsync(ConsolePaths.SignIn, [new(ConsoleSignInPages.EmailField, "khong-phai-dia-chi")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("không đúng định dạng", html, StringComparison.Ordinal);
        Assert.Equal("khong-phai-dia-chi", ConsoleForms.InputValue(html, ConsoleSignInPages.EmailField));
        Assert.Contains("aria-describedby=\"email-loi\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_UsedTwice_SecondTimeRefusedReadably()
    {
        var account = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        using var first = ConsoleSessions.CreateClient(_host.BaseAddress);
        var link = await ConsoleSessions.RequestLinkAsync(first, _host.Maildev, account.Email, TestContext.Current.CancellationToken);
        using var opened = await first.GetAsync(link, TestContext.Current.CancellationToken);
        var confirmation = await opened.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var used = await first.PostAsync(ConsolePaths.SignInLink, new FormUrlEncodedContent(ConsoleSessions.ConfirmationFields(confirmation)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.SeeOther, used.StatusCode);

        using var second = ConsoleSessions.CreateClient(_host.BaseAddress);
        using var reopened = await second.GetAsync(link, TestContext.Current.CancellationToken);
        using var reposted = await second.PostAsync(ConsolePaths.SignInLink, new FormUrlEncodedContent(ConsoleSessions.ConfirmationFields(confirmation)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Gone, reopened.StatusCode);
        Assert.Contains("Liên kết đăng nhập đã được sử dụng", await reopened.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.SeeOther, reposted.StatusCode);
        using var home = await second.GetAsync(ConsolePaths.Home, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Link_AfterFifteenMinutes_RefusedAsExpired()
    {
        var account = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        using var client = ConsoleSessions.CreateClient(_host.BaseAddress);
        var link = await ConsoleSessions.RequestLinkAsync(client, _host.Maildev, account.Email, TestContext.Current.CancellationToken);

        _host.Clock.Advance(SignInLinks.Lifetime + TimeSpan.FromSeconds(1));
        using var opened = await client.GetAsync(link, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Gone, opened.StatusCode);
        Assert.Contains("Liên kết đăng nhập đã hết hạn", await opened.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_Altered_RefusedAsInvalid()
    {
        using var client = ConsoleSessions.CreateClient(_host.BaseAddress);

        using var opened = await client.GetAsync(ConsolePaths.SignInLink + "?t=CfDJ8abc", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, opened.StatusCode);
        Assert.Contains("Liên kết đăng nhập không hợp lệ", await opened.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_AccountDisabled_EndsAtTheNextRequest()
    {
        var account = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        using var client = await _host.SignInAsync(account.Email, TestContext.Current.CancellationToken);
        var store = _host.Get<AccountStore>();
        var loaded = await store.GetAsync(account.Id, TestContext.Current.CancellationToken);

        await store.SetDisabledAsync(account.Id, _host.Clock.GetUtcNow(), "Kiểm thử", loaded!.ETag, TestContext.Current.CancellationToken);
        using var home = await client.GetAsync(ConsolePaths.Home, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(ConsolePaths.SignIn, PathOf(home.Headers.Location!));
    }

    [Fact]
    public async Task RequestLink_DisabledAccount_NoMail()
    {
        var disabled = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        var known = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        var store = _host.Get<AccountStore>();
        await store.SetDisabledAsync(disabled.Id, _host.Clock.GetUtcNow(), "Kiểm thử", (await store.GetAsync(disabled.Id, TestContext.Current.CancellationToken))!.ETag, TestContext.Current.CancellationToken);
        using var client = ConsoleSessions.CreateClient(_host.BaseAddress);
        var before = await ConsoleSessions.MailIdsAsync(_host.Maildev, TestContext.Current.CancellationToken);

        using var answer = await client.PostFormAsync(ConsolePaths.SignIn, [new(ConsoleSignInPages.EmailField, disabled.Email)], cancellationToken: TestContext.Current.CancellationToken);
        await ConsoleSessions.RequestLinkAsync(client, _host.Maildev, known.Email, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var mails = await _host.Maildev.GetEmailsAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(mails, m => !before.Contains(m.Id) && m.To.Any(t => t.Address == disabled.Email));
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var account = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        using var client = await _host.SignInAsync(account.Email, TestContext.Current.CancellationToken);

        using var signedOut = await client.PostFormAsync(ConsolePaths.Home, [], ConsolePaths.SignOut, TestContext.Current.CancellationToken);
        using var home = await client.GetAsync(ConsolePaths.Home, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        Assert.Equal(ConsolePaths.SignIn, signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheSessionsOnOtherDevicesButNotALaterSignIn()
    {
        var account = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        using var phone = await _host.SignInAsync(account.Email, TestContext.Current.CancellationToken);
        using var office = await _host.SignInAsync(account.Email, TestContext.Current.CancellationToken);

        using var signedOut = await phone.PostFormAsync(ConsolePaths.Home, [new(ConsoleSignInPages.EverywhereField, "1")], ConsolePaths.SignOut, TestContext.Current.CancellationToken);
        using var officeHome = await office.GetAsync(ConsolePaths.Home, TestContext.Current.CancellationToken);
        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        using var later = await _host.SignInAsync(account.Email, TestContext.Current.CancellationToken);
        using var laterHome = await later.GetAsync(ConsolePaths.Home, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, officeHome.StatusCode);
        Assert.Equal(ConsolePaths.SignIn, PathOf(officeHome.Headers.Location!));
        Assert.Equal(HttpStatusCode.OK, laterHome.StatusCode);
    }

    [Fact]
    public async Task Session_AccountDisabledThenEnabled_TheOldSessionStaysEnded()
    {
        var account = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        using var client = await _host.SignInAsync(account.Email, TestContext.Current.CancellationToken);
        var store = _host.Get<AccountStore>();
        _host.Clock.Advance(TimeSpan.FromSeconds(2));

        var disabledTag = await store.SetDisabledAsync(account.Id, _host.Clock.GetUtcNow(), "Kiểm thử",
            (await store.GetAsync(account.Id, TestContext.Current.CancellationToken))!.ETag, TestContext.Current.CancellationToken);
        await store.SetDisabledAsync(account.Id, null, null, disabledTag, TestContext.Current.CancellationToken);
        using var home = await client.GetAsync(ConsolePaths.Home, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.False((await store.GetAsync(account.Id, TestContext.Current.CancellationToken))!.Value.IsDisabled);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_Refused()
    {
        var account = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        using var client = await _host.SignInAsync(account.Email, TestContext.Current.CancellationToken);

        using var signedOut = await client.PostAsync(ConsolePaths.SignOut, new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        using var home = await client.GetAsync(ConsolePaths.Home, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task ConsolePage_NotSignedIn_RedirectsToSignInAndBackAfterwards()
    {
        var account = await _host.CreateAccountAsync("khoi", ApiRole.UpperLevelOffice, cancellationToken: TestContext.Current.CancellationToken);
        using var client = ConsoleSessions.CreateClient(_host.BaseAddress);

        using var page = await client.GetAsync(ConsolePaths.Home + "?x=1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var signIn = page.Headers.Location!;
        Assert.Equal(ConsolePaths.SignIn, PathOf(signIn));
        using var form = await client.GetAsync(signIn, TestContext.Current.CancellationToken);
        var html = await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ConsolePaths.Home + "?x=1", ConsoleForms.InputValue(html, ConsoleReturnUrl.Parameter));

        var before = await ConsoleSessions.MailIdsAsync(_host.Maildev, TestContext.Current.CancellationToken);
        using var sent = await client.PostAsync(ConsolePaths.SignIn, new FormUrlEncodedContent(
        [
            new(ConsoleSignInPages.EmailField, account.Email),
            new(ConsoleReturnUrl.Parameter, ConsolePaths.Home + "?x=1"),
            new(Functions.Web.WebServiceCollectionExtensions.AntiforgeryFieldName, ConsoleForms.AntiforgeryToken(html)),
        ]), TestContext.Current.CancellationToken);
        var link = await ConsoleSessions.WaitForLinkAsync(_host.Maildev, account.Email, before, TestContext.Current.CancellationToken);
        using var opened = await client.GetAsync(link, TestContext.Current.CancellationToken);
        using var signedIn = await client.PostAsync(
            ConsolePaths.SignInLink, new FormUrlEncodedContent(ConsoleSessions.ConfirmationFields(await opened.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal(ConsolePaths.Home + "?x=1", signedIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://ke-gian.example/van-phong")]
    [InlineData("//ke-gian.example/van-phong")]
    [InlineData("/van-phong//ke-gian.example")]
    [InlineData("/api/organisations")]
    [InlineData("/van-phongx")]
    [InlineData("/van-phong/../api")]
    public void ReturnUrl_NotAConsolePath_GoesHome(string returnUrl) =>
        Assert.Equal(ConsolePaths.Home, ConsoleReturnUrl.OrHome(returnUrl));

    [Fact]
    public async Task Api_KeepsApiKeys_AndTheConsoleCookieDoesNotOpenIt()
    {
        var account = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        using var console = await _host.SignInAsync(account.Email, TestContext.Current.CancellationToken);
        var key = await _host.Get<ApiKeyStore>().CreateAsync(ApiRole.Office, "co-so-1", "kiểm thử", TestContext.Current.CancellationToken);
        using var api = ConsoleSessions.CreateClient(_host.BaseAddress);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key.Key);
        using var withCookie = _host.App.CreateClient();
        withCookie.DefaultRequestHeaders.Add("Cookie", SessionCookie(console));

        using var byKey = await api.GetAsync("/api/organisations/co-so-1", TestContext.Current.CancellationToken);
        using var byCookie = await withCookie.GetAsync("/api/organisations/co-so-1", TestContext.Current.CancellationToken);
        using var consoleByKey = await api.GetAsync(ConsolePaths.Home, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, byKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, consoleByKey.StatusCode);
    }

    [Fact]
    public async Task SessionCookie_HttpOnlyLaxScopedToTheConsole()
    {
        var account = await _host.CreateAccountAsync("co-so-1", cancellationToken: TestContext.Current.CancellationToken);
        using var client = ConsoleSessions.CreateClient(_host.BaseAddress);
        var link = await ConsoleSessions.RequestLinkAsync(client, _host.Maildev, account.Email, TestContext.Current.CancellationToken);
        using var opened = await client.GetAsync(link, TestContext.Current.CancellationToken);

        using var signedIn = await client.PostAsync(
            ConsolePaths.SignInLink, new FormUrlEncodedContent(ConsoleSessions.ConfirmationFields(await opened.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))), TestContext.Current.CancellationToken);

        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ConsoleAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("path=/van-phong", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ActorOf_ConsoleSession_IsThePersonByName()
    {
        var account = await _host.CreateAccountAsync("co-so-1", fullName: "Lê Văn Kiểm", cancellationToken: TestContext.Current.CancellationToken);
        var context = new DefaultHttpContext
        {
            User = ConsoleAuthentication.PrincipalFor(account),
            RequestServices = _host.App.Services,
        };
        context.Connection.RemoteIpAddress = IPAddress.Loopback;

        var actor = await OfficeCaller.ActorOfAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(account.Id, actor.Id);
        Assert.Equal("Lê Văn Kiểm", actor.Display);
        Assert.Equal("console 127.0.0.1", actor.Origin);
    }

    [Fact]
    public void ConsoleEndpoints_AllButSigningIn_RequireAConsoleSession()
    {
        var endpoints = _host.Get<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ConsolePaths.Root, StringComparison.Ordinal) == true)
            .ToList();
        string[] open = [ConsolePaths.SignIn, ConsolePaths.SignInLink, ConsolePaths.SignInMicrosoft];

        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints.Where(e => !open.Any(o => e.RoutePattern.RawText!.StartsWith(o, StringComparison.Ordinal))))
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>();
            Assert.True(
                policies.Any(p => p.Policy == ConsoleAuthentication.Policy),
                $"{endpoint.DisplayName} ({endpoint.RoutePattern.RawText}) is not mapped on the console's signed-in group.");
        }
    }

    private static string PathOf(Uri location) =>
        location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    private static string SessionCookie(HttpClient client)
    {
        var handler = typeof(HttpMessageInvoker).GetField("_handler", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .GetValue(client) as HttpClientHandler;
        var cookie = handler!.CookieContainer.GetAllCookies().Single(c => c.Name == ConsoleAuthentication.CookieName);
        return cookie.Name + "=" + cookie.Value;
    }

    private static string Normalise(string page, string address) =>
        System.Text.RegularExpressions.Regex.Replace(page.Replace(address, "ADDRESS", StringComparison.Ordinal), "value=\"[^\"]*\"", "value=\"\"");
}
