using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using QuyCheWorkflow.Functions.Status.Pages;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// The dashboard for people in upper-level offices (static pages, no script): the roll-up with a filter form,
/// a CSV download of what is shown, one regulation's timeline, and the sign-in with the office's API key
/// (<see cref="DashboardSession"/>). Every form that changes something (sign-in, sign-out) carries an antiforgery token.
/// </summary>
public static class DashboardPages
{
    public const string Path = "/bang-dieu-khien";
    public const string SignInPath = Path + "/dang-nhap";
    public const string SignOutPath = Path + "/dang-xuat";
    public const string CsvPath = Path + "/tai-xuong.csv";
    public const string TimelinePathTemplate = Path + "/quy-che/{regulationId}";
    public const string ApiKeyFieldName = "apiKey";

    public static string TimelinePathFor(string regulationId) => $"{Path}/quy-che/{Uri.EscapeDataString(regulationId)}";

    public static IEndpointRouteBuilder MapDashboardPages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Path, ShowDashboard).ExcludeFromDescription();
        endpoints.MapGet(CsvPath, DownloadCsv).ExcludeFromDescription();
        endpoints.MapGet(TimelinePathTemplate, ShowTimeline).ExcludeFromDescription();
        endpoints.MapGet(SignInPath, ShowSignIn).ExcludeFromDescription();
        endpoints.MapPost(SignInPath, SignIn).ExcludeFromDescription();
        endpoints.MapPost(SignOutPath, SignOut).ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> ShowDashboard(HttpContext context, DashboardSession session, StatusReports reports, CancellationToken cancellationToken)
    {
        if (await session.AuthenticateAsync(context) is not { } user)
        {
            return TypedResults.Redirect(SignInPath);
        }

        if (await ReadAsync(context, user, reports, cancellationToken) is not { } read)
        {
            return OutsideSubtree();
        }

        if (read.Errors is { } errors)
        {
            return InvalidFilter(errors);
        }

        return new RazorComponentResult<StatusDashboardPage>(new Dictionary<string, object?>
        {
            [nameof(StatusDashboardPage.Report)] = read.Report,
            [nameof(StatusDashboardPage.Query)] = read.Query,
            [nameof(StatusDashboardPage.CsvLink)] = CsvPath + context.Request.QueryString,
        });
    }

    public static async Task<IResult> DownloadCsv(HttpContext context, DashboardSession session, StatusReports reports, CancellationToken cancellationToken)
    {
        if (await session.AuthenticateAsync(context) is not { } user)
        {
            return TypedResults.Redirect(SignInPath);
        }

        if (await ReadAsync(context, user, reports, cancellationToken) is not { } read)
        {
            return OutsideSubtree();
        }

        return read.Errors is { } errors
            ? InvalidFilter(errors)
            : TypedResults.File(StatusCsv.Write(read.Report!), StatusCsv.ContentType, $"trang-thai-{read.Report!.RootOrganisationId}.csv");
    }

    public static async Task<IResult> ShowTimeline(
        string regulationId, HttpContext context, DashboardSession session, StatusReports reports, CancellationToken cancellationToken)
    {
        if (await session.AuthenticateAsync(context) is not { } user)
        {
            return TypedResults.Redirect(SignInPath);
        }

        var timeline = IdSyntax.IsValidReference(regulationId)
            ? await reports.ReadTimelineAsync(user, regulationId, cancellationToken)
            : null;
        if (timeline is null)
        {
            return MessagePages.Show(
                StatusCodes.Status404NotFound,
                "Không tìm thấy quy chế",
                "Quy chế này không tồn tại hoặc không thuộc phạm vi theo dõi của văn phòng đồng chí.",
                tone: MessageTone.Warning);
        }

        return new RazorComponentResult<TimelinePage>(new Dictionary<string, object?>
        {
            [nameof(TimelinePage.Timeline)] = timeline,
        });
    }

    public static async Task<IResult> ShowSignIn(HttpContext context, DashboardSession session) =>
        await session.AuthenticateAsync(context) is not null
            ? TypedResults.Redirect(Path)
            : SignInForm(StatusCodes.Status200OK, error: null);

    public static async Task<IResult> SignIn(
        [FromForm(Name = ApiKeyFieldName)] string? apiKey, HttpContext context, DashboardSession session, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(DashboardPages));
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return SignInForm(StatusCodes.Status400BadRequest, "Đề nghị nhập khóa truy cập của văn phòng cấp ủy.");
        }

        var record = apiKey.Length > 512
            ? null
            : await session.ValidateAsync(apiKey, cancellationToken);
        if (record is null)
        {
            Log.DashboardSignInRejected(logger);
            return SignInForm(
                StatusCodes.Status401Unauthorized,
                "Khóa truy cập không đúng, đã bị thu hồi hoặc không phải khóa của văn phòng cấp ủy.");
        }

        session.SignIn(context, record);
        Log.DashboardSignedIn(logger, record.KeyId, record.OrganisationId);
        // 303: the browser follows with a GET, so reloading the dashboard never re-posts the key.
        return new SeeOther(Path);
    }

    public static async Task<IResult> SignOut(HttpContext context, IAntiforgery antiforgery)
    {
        await antiforgery.ValidateRequestAsync(context);
        DashboardSession.SignOut(context);
        return new SeeOther(SignInPath);
    }

    private static RazorComponentResult<SignInPage> SignInForm(int statusCode, string? error) =>
        new(new Dictionary<string, object?> { [nameof(SignInPage.Error)] = error }) { StatusCode = statusCode };

    private static RazorComponentResult<Web.Components.MessagePage> OutsideSubtree() =>
        MessagePages.Show(
            StatusCodes.Status404NotFound,
            "Không tìm thấy tổ chức",
            "Tổ chức này không tồn tại hoặc không thuộc phạm vi theo dõi của văn phòng đồng chí.",
            tone: MessageTone.Warning);

    private static RazorComponentResult<Web.Components.MessagePage> InvalidFilter(Dictionary<string, string[]> errors) =>
        MessagePages.Show(
            StatusCodes.Status400BadRequest,
            "Bộ lọc không hợp lệ",
            "Một số điều kiện lọc không đúng. Đề nghị chọn lại trong biểu mẫu lọc.",
            string.Join("\n", errors.SelectMany(e => e.Value)),
            MessageTone.Error);

    // The filter form sends empty values for "any"; they mean "not filtered", unlike in the API.
    private static async Task<DashboardRead?> ReadAsync(HttpContext context, ClaimsPrincipal user, StatusReports reports, CancellationToken cancellationToken)
    {
        var filled = context.Request.Query
            .Where(p => p.Value.Any(v => !string.IsNullOrWhiteSpace(v)))
            .ToDictionary(p => p.Key, p => new StringValues([.. p.Value.Where(v => !string.IsNullOrWhiteSpace(v))]), StringComparer.OrdinalIgnoreCase);
        if (!StatusQuery.TryParse(new QueryCollection(filled), out var query, out var errors))
        {
            return new DashboardRead(null, query, errors);
        }

        var report = await reports.ReadAsync(user, query, cancellationToken);
        return report is null ? null : new DashboardRead(report, query, null);
    }

    private sealed record DashboardRead(StatusReportResponse? Report, StatusQuery Query, Dictionary<string, string[]>? Errors);

    /// <summary>303 See Other: after a POST the browser follows with a GET.</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
