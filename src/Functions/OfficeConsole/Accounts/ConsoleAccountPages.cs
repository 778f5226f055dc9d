using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>
/// The accounts page of the console (<see cref="ConsolePaths.Accounts"/>): the list of the person's subtree, the form
/// to create one, and a button per account to disable or enable it; every change through
/// <see cref="AccountAdministration"/>, as the API's. A clerk's office gets 403.
/// </summary>
public static class ConsoleAccountPages
{
    private const string NoticeParameter = "thong-bao";
    private const string AccountParameter = "tai-khoan";

    public static IEndpointRouteBuilder MapAccountConsolePages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ConsolePaths.Accounts, ShowAccounts).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.Accounts, CreateAccount).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.AccountDisableTemplate, DisableAccount).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.AccountEnableTemplate, EnableAccount).ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> ShowAccounts(
        [FromQuery(Name = NoticeParameter)] string? notice, [FromQuery(Name = AccountParameter)] string? accountId,
        HttpContext context, AccountAdministration administration, CancellationToken cancellationToken)
    {
        if (ConsoleUser.From(context.User) is not { } user || !AccountAdministration.CanManage(context.User))
        {
            return NotAllowed();
        }

        var accounts = await administration.ListAsync(context.User, cancellationToken);
        var name = accounts.FirstOrDefault(a => a.Id == accountId)?.FullName;
        var text = name is null ? null : notice switch
        {
            "da-tao" => $"Đã tạo tài khoản cho đồng chí {name}. Đồng chí đăng nhập bằng địa chỉ thư điện tử của mình.",
            "da-khoa" => $"Đã khóa tài khoản của đồng chí {name}; phiên đăng nhập (nếu có) kết thúc ngay.",
            "da-mo-khoa" => $"Đã mở khóa tài khoản của đồng chí {name}.",
            _ => null,
        };
        return await PageAsync(context, user, administration, StatusCodes.Status200OK, null, null, null, accounts, text, cancellationToken);
    }

    public static async Task<IResult> CreateAccount(
        [FromForm(Name = AccountFields.FullName)] string? fullName,
        [FromForm(Name = AccountFields.Email)] string? email,
        [FromForm(Name = AccountFields.OrganisationId)] string? organisationId,
        [FromForm(Name = AccountFields.Role)] string? role,
        HttpContext context, AccountAdministration administration, CancellationToken cancellationToken)
    {
        if (ConsoleUser.From(context.User) is not { } user || !AccountAdministration.CanManage(context.User))
        {
            return NotAllowed();
        }

        var form = new NewAccount(fullName, email, organisationId, role);
        try
        {
            var created = await administration.CreateAsync(context.User, await OfficeCaller.ActorOfAsync(context, cancellationToken), form, cancellationToken);
            return Done("da-tao", created.Id);
        }
        catch (AccountRequestException refusal)
        {
            var errors = refusal.Field.Length == 0 ? null : new Dictionary<string, string> { [refusal.Field] = refusal.Message };
            return await PageAsync(context, user, administration, StatusCodes.Status400BadRequest, form, errors,
                refusal.Field.Length == 0 ? refusal.Message : null, null, null, cancellationToken);
        }
    }

    public static Task<IResult> DisableAccount(
        string accountId, HttpContext context, IAntiforgery antiforgery, AccountAdministration administration, CancellationToken cancellationToken) =>
        SetDisabledAsync(accountId, disabled: true, context, antiforgery, administration, cancellationToken);

    public static Task<IResult> EnableAccount(
        string accountId, HttpContext context, IAntiforgery antiforgery, AccountAdministration administration, CancellationToken cancellationToken) =>
        SetDisabledAsync(accountId, disabled: false, context, antiforgery, administration, cancellationToken);

    private static async Task<IResult> SetDisabledAsync(
        string accountId, bool disabled, HttpContext context, IAntiforgery antiforgery, AccountAdministration administration, CancellationToken cancellationToken)
    {
        if (ConsoleUser.From(context.User) is not { } user || !AccountAdministration.CanManage(context.User))
        {
            return NotAllowed();
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return MessagePages.Show(StatusCodes.Status400BadRequest, "Biểu mẫu đã hết hiệu lực",
                "Trang đồng chí dùng đã quá cũ nên thao tác chưa được thực hiện. Đề nghị mở lại trang tài khoản và thử lại.",
                tone: MessageTone.Warning, backHref: ConsolePaths.Accounts);
        }

        try
        {
            var changed = await administration.SetDisabledAsync(
                context.User, await OfficeCaller.ActorOfAsync(context, cancellationToken), accountId, disabled, cancellationToken);
            return changed is null
                ? MessagePages.Show(StatusCodes.Status404NotFound, "Không tìm thấy tài khoản",
                    "Tài khoản này không tồn tại hoặc không thuộc phạm vi quản lý của đồng chí.", tone: MessageTone.Warning, backHref: ConsolePaths.Accounts)
                : Done(disabled ? "da-khoa" : "da-mo-khoa", changed.Id);
        }
        catch (AccountRequestException refusal)
        {
            return await PageAsync(context, user, administration, StatusCodes.Status400BadRequest, null, null, refusal.Message, null, null, cancellationToken);
        }
    }

    private static async Task<RazorComponentResult<AccountsPage>> PageAsync(
        HttpContext context, ConsoleUser user, AccountAdministration administration, int statusCode,
        NewAccount? form, IReadOnlyDictionary<string, string>? errors, string? formError,
        IReadOnlyList<Account>? accounts, string? notice, CancellationToken cancellationToken) =>
        new(new Dictionary<string, object?>
        {
            [nameof(AccountsPage.User)] = user,
            [nameof(AccountsPage.Accounts)] = accounts ?? await administration.ListAsync(context.User, cancellationToken),
            [nameof(AccountsPage.Organisations)] = await administration.OrganisationsAsync(context.User, cancellationToken),
            [nameof(AccountsPage.Roles)] = AccountAdministration.GrantableRoles(context.User),
            [nameof(AccountsPage.Form)] = form,
            [nameof(AccountsPage.Errors)] = errors,
            [nameof(AccountsPage.FormError)] = formError,
            [nameof(AccountsPage.Notice)] = notice,
        })
        {
            StatusCode = statusCode,
        };

    private static SeeOther Done(string notice, string accountId) =>
        new SeeOther($"{ConsolePaths.Accounts}?{NoticeParameter}={notice}&{AccountParameter}={Uri.EscapeDataString(accountId)}");

    private static RazorComponentResult<Web.Components.MessagePage> NotAllowed() =>
        MessagePages.Show(
            StatusCodes.Status403Forbidden,
            "Không có quyền quản lý tài khoản",
            "Chỉ văn phòng cấp ủy cấp trên và quản trị hệ thống quản lý tài khoản. Trường hợp cần tạo hoặc khóa tài khoản, đề nghị liên hệ văn phòng cấp ủy cấp trên.",
            tone: MessageTone.Warning,
            backHref: ConsolePaths.Home);
}
