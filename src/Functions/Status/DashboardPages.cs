using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Status.Pages;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// The dashboard of the office console (<see cref="ConsolePaths.Dashboard"/>), for the person signed in: the roll-up of
/// their subtree as a table that is sorted, filtered and paged on the server (<see cref="StatusQuery"/>), with counts
/// per stage and per problem that apply their filter; the table alone (<see cref="ConsolePaths.DashboardTable"/>) for
/// the page's live refresh; what is shown, every page of it, as XLSX and CSV; and one regulation's timeline. The
/// addresses of the dashboard before the console (<see cref="LegacyPath"/>) answer a permanent redirect to these.
/// Mapped on the console's group that requires a session (<see cref="ConsoleEndpoints"/>): a person not signed in is
/// sent to sign in and back; the script and the redirects are open to anyone.
/// </summary>
public static class DashboardPages
{
    /// <summary>Where the dashboard was before the console; its addresses redirect permanently.</summary>
    public const string LegacyPath = "/bang-dieu-khien";

    /// <summary>How often the open page fetches the table again.</summary>
    public const int RefreshSeconds = 15;

    public static IEndpointRouteBuilder MapDashboardConsolePages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ConsolePaths.Dashboard, ShowDashboard).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.DashboardTable, ShowTable).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.DashboardCsv, DownloadCsv).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.DashboardXlsx, DownloadXlsx).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.DashboardTimelineTemplate, ShowTimeline).ExcludeFromDescription();
        endpoints.MapDashboardScript().AllowAnonymous();

        endpoints.MapGet(LegacyPath, (HttpContext context) => Moved(context, ConsolePaths.Dashboard))
            .AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(LegacyPath + "/tai-xuong.csv", (HttpContext context) => Moved(context, ConsolePaths.DashboardCsv))
            .AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(LegacyPath + "/quy-che/{regulationId}", (string regulationId, HttpContext context) =>
            Moved(context, ConsolePaths.DashboardTimeline(regulationId))).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(LegacyPath + "/dang-nhap", (HttpContext context) => Moved(context, ConsolePaths.SignIn))
            .AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> ShowDashboard(HttpContext context, StatusReports reports, CancellationToken cancellationToken)
    {
        if (SignedIn(context) is not { } person)
        {
            return SignIn();
        }

        var read = await ReadAsync(context, person, reports, paged: true, cancellationToken);
        if (read.Result is { } failed)
        {
            return failed;
        }

        return new RazorComponentResult<DashboardPage>(new Dictionary<string, object?>
        {
            [nameof(DashboardPage.Person)] = ConsoleUser.From(person),
            [nameof(DashboardPage.Report)] = read.Report,
            [nameof(DashboardPage.Query)] = read.Query,
            [nameof(DashboardPage.Scopes)] = await reports.ReadScopesAsync(person, cancellationToken),
        });
    }

    public static async Task<IResult> ShowTable(HttpContext context, StatusReports reports, CancellationToken cancellationToken)
    {
        if (SignedIn(context) is not { } person)
        {
            return SignIn();
        }

        var read = await ReadAsync(context, person, reports, paged: true, cancellationToken);
        return read.Result ?? new RazorComponentResult<DashboardTable>(new Dictionary<string, object?>
        {
            [nameof(DashboardTable.Report)] = read.Report,
            [nameof(DashboardTable.Query)] = read.Query,
        });
    }

    public static async Task<IResult> DownloadCsv(HttpContext context, StatusReports reports, CancellationToken cancellationToken)
    {
        if (SignedIn(context) is not { } person)
        {
            return SignIn();
        }

        var read = await ReadAsync(context, person, reports, paged: false, cancellationToken);
        return read.Result ?? TypedResults.File(StatusCsv.Write(read.Report!), StatusCsv.ContentType, FileName(read.Report!, "csv"));
    }

    public static async Task<IResult> DownloadXlsx(HttpContext context, StatusReports reports, CancellationToken cancellationToken)
    {
        if (SignedIn(context) is not { } person)
        {
            return SignIn();
        }

        var read = await ReadAsync(context, person, reports, paged: false, cancellationToken);
        return read.Result ?? TypedResults.File(StatusXlsx.Write(read.Report!), StatusXlsx.ContentType, FileName(read.Report!, "xlsx"));
    }

    public static async Task<IResult> ShowTimeline(string regulationId, HttpContext context, StatusReports reports, CancellationToken cancellationToken)
    {
        if (SignedIn(context) is not { } person)
        {
            return SignIn();
        }

        var timeline = IdSyntax.IsValidReference(regulationId)
            ? await reports.ReadTimelineAsync(person, regulationId, cancellationToken)
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
            [nameof(TimelinePage.Person)] = ConsoleUser.From(person),
            [nameof(TimelinePage.Timeline)] = timeline,
        });
    }

    // The console session's person (the group's policy lets in no one else; this holds if it is mapped elsewhere).
    private static ClaimsPrincipal? SignedIn(HttpContext context) =>
        ConsoleAuthentication.IsConsoleSession(context.User) && ConsoleUser.From(context.User) is not null ? context.User : null;

    private static RedirectHttpResult SignIn() => TypedResults.Redirect(ConsolePaths.SignIn);

    private static RedirectHttpResult Moved(HttpContext context, string path) =>
        TypedResults.Redirect(path + context.Request.QueryString, permanent: true);

    private static string FileName(StatusReportResponse report, string extension) =>
        $"trang-thai-{report.RootOrganisationId}.{extension}";

    // The filter form sends empty values for "any"; they mean "not filtered", unlike in the API. The page shows the
    // first page when none is asked for; the downloads hold every page.
    private static async Task<DashboardRead> ReadAsync(
        HttpContext context, ClaimsPrincipal person, StatusReports reports, bool paged, CancellationToken cancellationToken)
    {
        var filled = context.Request.Query
            .Where(p => p.Value.Any(v => !string.IsNullOrWhiteSpace(v)))
            .ToDictionary(p => p.Key, p => new StringValues([.. p.Value.Where(v => !string.IsNullOrWhiteSpace(v))]), StringComparer.OrdinalIgnoreCase);
        if (!StatusQuery.TryParse(new QueryCollection(filled), out var query, out var errors))
        {
            return new DashboardRead(null, query, InvalidFilter(errors));
        }

        query = paged ? query with { Page = query.Page ?? 1 } : query with { Page = null };
        var report = await reports.ReadAsync(person, query, cancellationToken);
        return report is null ? new DashboardRead(null, query, OutsideSubtree()) : new DashboardRead(report, query, null);
    }

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

    private sealed record DashboardRead(StatusReportResponse? Report, StatusQuery Query, IResult? Result);
}
