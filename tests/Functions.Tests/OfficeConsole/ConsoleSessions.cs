using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.Tests.Web;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>
/// Signs people in to the console the way they do it: the e-mail form, the link read from maildev, the confirmation
/// button. The app must mail through that maildev (<c>Mail:Smtp:Port</c>, see <see cref="ConsoleTestHost.Settings"/>).
/// The session cookie is Secure only when <c>Links:BaseUrl</c> is https, so over http://127.0.0.1 it is kept and sent.
/// </summary>
internal static partial class ConsoleSessions
{
    /// <summary>
    /// A new <see cref="HttpClient"/> (cookies kept, redirects NOT followed, so a test sees each 303) signed in as the
    /// account with <paramref name="email"/>.
    /// </summary>
    public static async Task<HttpClient> SignInAsync(Uri baseAddress, MaildevInstance maildev, string email, CancellationToken cancellationToken = default)
    {
        var client = CreateClient(baseAddress);
        try
        {
            var link = await RequestLinkAsync(client, maildev, email, cancellationToken);
            using var confirmation = await client.GetAsync(link, cancellationToken);
            var html = await confirmation.Content.ReadAsStringAsync(cancellationToken);
            if (confirmation.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Opening the sign-in link answered {(int)confirmation.StatusCode}:\n{html}");
            }

            using var signedIn = await client.PostAsync(ConsolePaths.SignInLink, new FormUrlEncodedContent(ConfirmationFields(html)), cancellationToken);
            if (signedIn.StatusCode != HttpStatusCode.SeeOther)
            {
                throw new InvalidOperationException(
                    $"Confirming the sign-in answered {(int)signedIn.StatusCode}:\n{await signedIn.Content.ReadAsStringAsync(cancellationToken)}");
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>An anonymous client as <see cref="SignInAsync"/> makes them: its own cookies, no automatic redirects.</summary>
    public static HttpClient CreateClient(Uri baseAddress) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = baseAddress,
        };

    /// <summary>
    /// Posts <paramref name="email"/> on the sign-in form with <paramref name="client"/> and returns the path and query
    /// of the link mailed for it (relative to the app, whatever <c>Links:BaseUrl</c> says).
    /// </summary>
    public static async Task<string> RequestLinkAsync(HttpClient client, MaildevInstance maildev, string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(maildev);
        var before = await MailIdsAsync(maildev, cancellationToken);
        using var sent = await client.PostFormAsync(ConsolePaths.SignIn, [new(ConsoleSignInPages.EmailField, email)], cancellationToken: cancellationToken);
        if (sent.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Asking for a sign-in link answered {(int)sent.StatusCode}.");
        }

        return await WaitForLinkAsync(maildev, email.Trim(), before, cancellationToken);
    }

    /// <summary>The ids of the messages maildev holds now, to tell a new message from the earlier ones.</summary>
    public static async Task<HashSet<string>> MailIdsAsync(MaildevInstance maildev, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(maildev);
        return [.. (await maildev.GetEmailsAsync(cancellationToken)).Select(e => e.Id)];
    }

    /// <summary>The path and query of the sign-in link in the first message to <paramref name="email"/> not in <paramref name="before"/>.</summary>
    public static async Task<string> WaitForLinkAsync(MaildevInstance maildev, string email, IReadOnlySet<string> before, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(maildev);
        var mail = await maildev.WaitForEmailAsync(email, e => !before.Contains(e.Id), cancellationToken: cancellationToken);
        return LinkIn(mail);
    }

    /// <summary>The sign-in link in <paramref name="mail"/>, as a path and query relative to the app.</summary>
    public static string LinkIn(MaildevEmail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var match = SignInLink().Match(mail.Text ?? string.Empty);
        if (!match.Success)
        {
            throw new InvalidOperationException("The message holds no sign-in link:\n" + mail.Text);
        }

        return new Uri(match.Value).PathAndQuery;
    }

    /// <summary>The fields the confirmation page's form posts: the token, the return address, the antiforgery token.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ConfirmationFields(string confirmationHtml)
    {
        yield return new(SignInLinks.TokenParameter, ConsoleForms.InputValue(confirmationHtml, SignInLinks.TokenParameter)
            ?? throw new InvalidOperationException("The confirmation page has no token:\n" + confirmationHtml));
        if (ConsoleForms.InputValue(confirmationHtml, ConsoleReturnUrl.Parameter) is { } returnUrl)
        {
            yield return new(ConsoleReturnUrl.Parameter, returnUrl);
        }

        yield return new(Functions.Web.WebServiceCollectionExtensions.AntiforgeryFieldName, ConsoleForms.AntiforgeryToken(confirmationHtml));
    }

    /// <summary>
    /// A new browser context (phone-sized unless <paramref name="viewport"/> says otherwise, Vietnamese, Vietnam time)
    /// signed in as the account with <paramref name="email"/>: the browser fills in the form, opens the mailed link and
    /// presses the confirmation button, ending on the console's home page.
    /// </summary>
    public static async Task<IBrowserContext> SignInBrowserAsync(
        IBrowser browser, Uri baseAddress, MaildevInstance maildev, string email, ViewportSize? viewport = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(baseAddress);
        var phone = viewport is null || viewport.Width <= BrowserFixture.PhoneViewport.Width;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = viewport ?? BrowserFixture.PhoneViewport,
            DeviceScaleFactor = phone ? 2 : 1,
            IsMobile = phone,
            HasTouch = phone,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        try
        {
            var page = await context.NewPageAsync();
            var before = await MailIdsAsync(maildev, cancellationToken);
            await page.GotoAsync(ConsolePaths.SignIn);
            await page.GetByLabel("Địa chỉ thư điện tử").FillAsync(email);
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi liên kết đăng nhập" }).ClickAsync();
            await page.GetByText("một liên kết đăng nhập đã được gửi").WaitForAsync();
            var link = await WaitForLinkAsync(maildev, email.Trim(), before, cancellationToken);
            await page.GotoAsync(link);
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith(ConsolePaths.SignIn, StringComparison.Ordinal));
            await page.CloseAsync();
            return context;
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    [GeneratedRegex(@"https?://\S+/van-phong/dang-nhap/lien-ket\?\S+")]
    private static partial Regex SignInLink();
}
