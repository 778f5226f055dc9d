using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>
/// Signing in to and out of the console. The e-mail form answers the same page whether or not the address has an
/// account; the mailed link opens a confirmation page (GET, which mail scanners prefetch, changes nothing) whose
/// button uses the link (POST) and starts the session.
/// </summary>
public static class ConsoleSignInPages
{
    public const string EmailField = "email";

    /// <summary>The pages open to anyone: the e-mail form and the link.</summary>
    public static IEndpointRouteBuilder MapConsoleSignInPages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ConsolePaths.SignIn, ShowSignIn).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.SignIn, RequestLink).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.SignInLink, OpenLink).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.SignInLink, UseLink).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.SignInMicrosoft, SignInWithMicrosoft).ExcludeFromDescription();
        endpoints.MapGet(ConsoleEntra.RefusedPath, MicrosoftRefused).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Sign-out, among the pages that need a session (the antiforgery token is the session's).</summary>
    public static IEndpointRouteBuilder MapConsoleSignOut(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(ConsolePaths.SignOut, SignOut).ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> ShowSignIn(HttpContext context, [FromQuery(Name = ConsoleReturnUrl.Parameter)] string? returnUrl)
    {
        if ((await context.AuthenticateAsync(ConsoleAuthentication.Scheme)).Succeeded)
        {
            return TypedResults.Redirect(ConsoleReturnUrl.OrHome(returnUrl));
        }

        return SignInPage(context, StatusCodes.Status200OK, email: null, error: null, returnUrl, sentTo: null);
    }

    public static async Task<IResult> RequestLink(
        [FromForm(Name = EmailField)] string? email,
        [FromForm(Name = ConsoleReturnUrl.Parameter)] string? returnUrl,
        HttpContext context,
        ConsoleSignIn signIn,
        CancellationToken cancellationToken)
    {
        var address = email?.Trim();
        if (string.IsNullOrEmpty(address))
        {
            return SignInPage(context, StatusCodes.Status400BadRequest, email, "Đề nghị nhập địa chỉ thư điện tử.", returnUrl, sentTo: null);
        }

        if (!EmailAddress.IsValid(address))
        {
            return SignInPage(context, StatusCodes.Status400BadRequest, email,
                "Địa chỉ thư điện tử không đúng định dạng (ví dụ: ten@co-quan.vn).", returnUrl, sentTo: null);
        }

        await signIn.RequestLinkAsync(address, returnUrl, cancellationToken);

        // The same page whether or not the address has an account. Answered directly, not by a redirect, so the
        // address never travels in a URL (history, logs).
        return SignInPage(context, StatusCodes.Status200OK, email: null, error: null, returnUrl, sentTo: address);
    }

    public static async Task<IResult> OpenLink(
        [FromQuery(Name = SignInLinks.TokenParameter)] string? token,
        [FromQuery(Name = ConsoleReturnUrl.Parameter)] string? returnUrl,
        ConsoleSignIn signIn,
        ILogger<ConsoleSignIn> logger,
        CancellationToken cancellationToken)
    {
        var check = await signIn.CheckAsync(token, cancellationToken);
        if (check.Account is not { } account)
        {
            return Refused(check.Refusal!.Value, logger);
        }

        return new RazorComponentResult<ConsoleSignInConfirmPage>(new Dictionary<string, object?>
        {
            [nameof(ConsoleSignInConfirmPage.FullName)] = account.FullName,
            [nameof(ConsoleSignInConfirmPage.Email)] = account.Email,
            [nameof(ConsoleSignInConfirmPage.Token)] = token,
            [nameof(ConsoleSignInConfirmPage.ReturnUrl)] = returnUrl,
        });
    }

    public static async Task<IResult> UseLink(
        [FromForm(Name = SignInLinks.TokenParameter)] string? token,
        [FromForm(Name = ConsoleReturnUrl.Parameter)] string? returnUrl,
        HttpContext context,
        ConsoleSignIn signIn,
        ILogger<ConsoleSignIn> logger,
        CancellationToken cancellationToken)
    {
        var check = await signIn.RedeemAsync(token, cancellationToken);
        if (check.Account is not { } account)
        {
            return Refused(check.Refusal!.Value, logger);
        }

        await context.SignInAsync(ConsoleAuthentication.Scheme, ConsoleAuthentication.PrincipalFor(account));
        Log.ConsoleSignedIn(logger, account.Id, "link");
        return new SeeOther(ConsoleReturnUrl.OrHome(returnUrl));
    }

    /// <summary>
    /// Starts the OpenID Connect round trip (404 when Entra ID is not configured). A GET, so a link starts it: the pages'
    /// <c>form-action 'self'</c> blocks a form whose answer redirects to another site. It changes nothing here; the
    /// round trip is bound to this browser by the handler's correlation cookie.
    /// </summary>
    public static IResult SignInWithMicrosoft([FromQuery(Name = ConsoleReturnUrl.Parameter)] string? returnUrl, HttpContext context) =>
        ConsoleEntra.IsEnabled(context.RequestServices)
            ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = ConsoleReturnUrl.OrHome(returnUrl) }, [ConsoleEntra.Scheme])
            : MessagePages.NotFound();

    public static IResult MicrosoftRefused([FromQuery(Name = "loi")] string? failed) =>
        failed is null
            ? Message(
                StatusCodes.Status403Forbidden,
                "Tài khoản Microsoft chưa được đăng ký",
                "Địa chỉ thư điện tử của tài khoản Microsoft đồng chí vừa dùng chưa có tài khoản trong hệ thống, hoặc tài khoản đã bị khóa. Đề nghị liên hệ văn phòng cấp ủy cấp trên để được tạo tài khoản, hoặc đăng nhập bằng liên kết gửi qua thư điện tử.",
                MessageTone.Warning)
            : Message(
                StatusCodes.Status400BadRequest,
                "Chưa đăng nhập được bằng tài khoản Microsoft",
                "Việc đăng nhập bằng tài khoản Microsoft không hoàn tất (đã hủy, hết thời gian hoặc có lỗi). Đề nghị thử lại, hoặc đăng nhập bằng liên kết gửi qua thư điện tử.",
                MessageTone.Warning);

    /// <summary>The sign-out form's button that also ends the person's sessions on every other device.</summary>
    public const string EverywhereField = "moi-thiet-bi";

    /// <summary>
    /// Ends this session; with <see cref="EverywhereField"/>, every session of the account started until now, on any
    /// device (<see cref="AccountStore.EndSessionsAsync"/>).
    /// </summary>
    public static async Task<IResult> SignOut(HttpContext context, IAntiforgery antiforgery, AccountStore accounts, TimeProvider timeProvider,
        ILogger<ConsoleSignIn> logger)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Message(
                StatusCodes.Status400BadRequest,
                "Biểu mẫu đã hết hiệu lực",
                "Trang đồng chí dùng để đăng xuất đã quá cũ. Đề nghị tải lại trang rồi bấm “Đăng xuất” một lần nữa.",
                MessageTone.Warning,
                backToSignIn: false);
        }

        if (ConsoleUser.From(context.User) is { } user)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form[EverywhereField] == "1")
            {
                await accounts.EndSessionsAsync(user.AccountId, timeProvider.GetUtcNow(), context.RequestAborted);
                Log.ConsoleSignedOutEverywhere(logger, user.AccountId);
            }
            else
            {
                Log.ConsoleSignedOut(logger, user.AccountId);
            }
        }

        await context.SignOutAsync(ConsoleAuthentication.Scheme);
        return new SeeOther(ConsolePaths.SignIn);
    }

    private static RazorComponentResult<ConsoleSignInPage> SignInPage(
        HttpContext context, int statusCode, string? email, string? error, string? returnUrl, string? sentTo) =>
        new(new Dictionary<string, object?>
        {
            [nameof(ConsoleSignInPage.Email)] = email,
            [nameof(ConsoleSignInPage.Error)] = error,
            [nameof(ConsoleSignInPage.ReturnUrl)] = ConsoleReturnUrl.IsLocalConsolePath(returnUrl) ? returnUrl : null,
            [nameof(ConsoleSignInPage.SentTo)] = sentTo,
            [nameof(ConsoleSignInPage.MicrosoftSignInEnabled)] = ConsoleEntra.IsEnabled(context.RequestServices),
        })
        {
            StatusCode = statusCode,
        };

    private static RazorComponentResult<Web.Components.MessagePage> Refused(SignInRefusal refusal, ILogger<ConsoleSignIn> logger)
    {
        Log.SignInLinkRefused(logger, refusal);
        return refusal switch
        {
            SignInRefusal.Expired => Message(
                StatusCodes.Status410Gone,
                "Liên kết đăng nhập đã hết hạn",
                "Mỗi liên kết đăng nhập chỉ dùng được trong 15 phút. Đề nghị đồng chí nhập lại địa chỉ thư điện tử để nhận liên kết mới.",
                MessageTone.Warning),
            SignInRefusal.Used => Message(
                StatusCodes.Status410Gone,
                "Liên kết đăng nhập đã được sử dụng",
                "Mỗi liên kết đăng nhập chỉ dùng được một lần. Nếu đồng chí chưa đăng nhập, đề nghị nhập lại địa chỉ thư điện tử để nhận liên kết mới.",
                MessageTone.Warning),
            SignInRefusal.AccountDisabled => Message(
                StatusCodes.Status403Forbidden,
                "Tài khoản không còn hiệu lực",
                "Tài khoản của đồng chí đã bị khóa. Trường hợp có nhầm lẫn, đề nghị liên hệ văn phòng cấp ủy cấp trên hoặc quản trị hệ thống.",
                MessageTone.Warning,
                backToSignIn: false),
            _ => Message(
                StatusCodes.Status400BadRequest,
                "Liên kết đăng nhập không hợp lệ",
                "Liên kết đồng chí vừa mở không đúng, có thể do chương trình thư điện tử cắt mất một phần. Đề nghị đồng chí mở lại liên kết trong thư, hoặc nhận liên kết mới.",
                MessageTone.Error),
        };
    }

    private static RazorComponentResult<Web.Components.MessagePage> Message(
        int statusCode, string title, string explanation, MessageTone tone, bool backToSignIn = true) =>
        new(new Dictionary<string, object?>
        {
            [nameof(Web.Components.MessagePage.Title)] = title,
            [nameof(Web.Components.MessagePage.Explanation)] = explanation,
            [nameof(Web.Components.MessagePage.Tone)] = tone,
            [nameof(Web.Components.MessagePage.BackHref)] = backToSignIn ? ConsolePaths.SignIn : null,
            [nameof(Web.Components.MessagePage.BackLabel)] = "Nhận liên kết mới",
        })
        {
            StatusCode = statusCode,
        };
}
