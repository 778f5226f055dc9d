using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Office.Import;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.OfficeConsole.Organisations;

/// <summary>
/// The import page (<see cref="ConsolePaths.Import"/>): an organisations file or a members file uploaded, read, checked
/// and written by <see cref="OrganisationImporter"/> exactly as the import API does, within the signed-in person's
/// subtree. All or nothing: a file with any fault is answered with the table of its lines, columns and messages, and
/// nothing is stored. Sample files to fill in are offered for download.
/// </summary>
public static class ImportConsolePages
{
    public const string FileField = "file";
    public const string OrganisationsForm = "organisations";
    public const string CommitteesForm = "committees";

    public static IEndpointRouteBuilder MapImportConsolePages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ConsolePaths.ImportTemplate, ShowImport).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.ImportTemplate, ImportOrganisations).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.ImportCommitteesTemplate, ImportCommittees).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.ImportOrganisationsSampleTemplate, DownloadOrganisationsSample).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.ImportCommitteesSampleTemplate, DownloadCommitteesSample).ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> ShowImport(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        if (await LoadNameAsync(organisationId, context, access, organisations, cancellationToken) is not { } name)
        {
            return ConsolePages.OrganisationNotFound();
        }

        var query = context.Request.Query;
        ImportOutcome? outcome = query.ContainsKey("tao")
            ? new ImportOutcome(query["loai"] == "uy-vien", Count(query["tao"]), Count(query["sua"]), Count(query["giu"]))
            : null;
        return Render(organisationId, name, outcome, form: null, faults: [], StatusCodes.Status200OK);
    }

    public static Task<IResult> ImportOrganisations(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, OrganisationImporter importer,
        IOptions<OfficeApiOptions> options, CancellationToken cancellationToken) =>
        ImportAsync(organisationId, committees: false, context, access, organisations, importer, options.Value, cancellationToken);

    public static Task<IResult> ImportCommittees(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, OrganisationImporter importer,
        IOptions<OfficeApiOptions> options, CancellationToken cancellationToken) =>
        ImportAsync(organisationId, committees: true, context, access, organisations, importer, options.Value, cancellationToken);

    public static async Task<IResult> DownloadOrganisationsSample(
        string organisationId, HttpContext context, OrganisationAccess access, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        if (!await ConsolePages.ReachesAsync(context, access, organisationId, cancellationToken))
        {
            return ConsolePages.OrganisationNotFound();
        }

        return Sample("mau-nhap-to-chuc.csv",
            string.Join(';', OrganisationCsv.RequiredColumns.Concat(OrganisationCsv.OptionalColumns)),
            $"dang-bo-so-tai-chinh;{organisationId};Đảng bộ Sở Tài chính;ĐU;Agency;2025 - 2030;vanphong@stc.example.vn;;nguyen-van-a;Nguyễn Văn A;nguyenvana@stc.example.vn",
            "chi-bo-van-phong-stc;dang-bo-so-tai-chinh;Chi bộ Văn phòng Sở Tài chính;CB;Agency;2025 - 2030;;;tran-thi-b;Trần Thị B;tranthib@stc.example.vn");
    }

    public static async Task<IResult> DownloadCommitteesSample(
        string organisationId, HttpContext context, OrganisationAccess access, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        if (!await ConsolePages.ReachesAsync(context, access, organisationId, cancellationToken))
        {
            return ConsolePages.OrganisationNotFound();
        }

        return Sample("mau-nhap-uy-vien.csv",
            string.Join(';', CommitteeCsv.RequiredColumns),
            $"{organisationId};nguyen-van-a;Nguyễn Văn A;Secretary;nguyenvana@example.vn",
            $"{organisationId};le-van-c;Lê Văn C;DeputySecretary;levanc@example.vn",
            $"{organisationId};pham-thi-d;Phạm Thị D;Member;phamthid@example.vn");
    }

    private static async Task<IResult> ImportAsync(
        string organisationId, bool committees, HttpContext context, OrganisationAccess access, OrganisationStore organisations,
        OrganisationImporter importer, OfficeApiOptions options, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        var posted = await ConsolePages.ReadFormAsync(context, cancellationToken);
        if (await LoadNameAsync(organisationId, context, access, organisations, cancellationToken) is not { } name)
        {
            return ConsolePages.OrganisationNotFound();
        }

        var form = ConsoleForm.Posted(posted, FileField);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var file = posted.Files.GetFile(FileField);
        if (file is null || file.Length == 0)
        {
            form.Refuse(FileField, "Đề nghị chọn tệp CSV để nhập.");
        }
        else if (file.Length > options.MaxUploadBytes)
        {
            form.Refuse(FileField, $"Tệp vượt quá giới hạn {options.MaxUploadBytes / 1024} KiB; đề nghị chia thành nhiều tệp.");
        }
        else
        {
            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(content, cancellationToken);
            }

            var steps = committees
                ? await importer.PlanCommitteesAsync(context.User, content, options.MaxImportRows, errors, cancellationToken)
                : await importer.PlanOrganisationsAsync(context.User, content, options.MaxImportRows, errors, cancellationToken);
            if (errors.Count == 0)
            {
                try
                {
                    var summary = await importer.ApplyAsync(await OfficeCaller.ActorOfAsync(context, cancellationToken), steps, cancellationToken);
                    return new SeeOther(string.Create(CultureInfo.InvariantCulture,
                        $"{ConsolePaths.Import(organisationId)}?loai={(committees ? "uy-vien" : "to-chuc")}&tao={summary.Created}&sua={summary.Updated}&giu={summary.Unchanged}"));
                }
                catch (ImportInterruptedException exception)
                {
                    form.Refuse(FileField,
                        $"Tổ chức “{exception.OrganisationId}” vừa được người khác thay đổi trong lúc nhập; {exception.Written} thay đổi trước đó đã được ghi. " +
                        "Đề nghị nhập lại cùng tệp để hoàn tất: các dòng đã ghi sẽ được báo là không đổi.");
                }
            }
            else
            {
                form.Refuse(FileField, "Tệp có lỗi nên chưa nhập dòng nào; đề nghị sửa theo bảng dưới đây rồi chọn lại tệp.");
            }
        }

        return Render(organisationId, name, outcome: null, committees ? CommitteesForm : OrganisationsForm, ImportFault.From(errors),
            StatusCodes.Status400BadRequest, form);
    }

    private static async Task<string?> LoadNameAsync(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, CancellationToken cancellationToken) =>
        await ConsolePages.ReachesAsync(context, access, organisationId, cancellationToken)
            ? (await organisations.GetAsync(organisationId, cancellationToken))?.Value.Name
            : null;

    private static int Count(string? value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;

    /// <summary>A sample file as Excel with Vietnamese settings opens it in columns: UTF-8 with a byte-order mark, ';' between fields.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Sample(string fileName, params string[] lines)
    {
        var text = string.Join("\r\n", lines) + "\r\n";
        byte[] content = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
        return TypedResults.File(content, "text/csv; charset=utf-8", fileName);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<ImportPage> Render(string organisationId, string name, ImportOutcome? outcome, string? form, IReadOnlyList<ImportFault> faults,
        int statusCode, ConsoleForm? refused = null) =>
        ConsolePages.Page<ImportPage>(new()
        {
            [nameof(ImportPage.OrganisationId)] = organisationId,
            [nameof(ImportPage.OrganisationName)] = name,
            [nameof(ImportPage.Outcome)] = outcome,
            [nameof(ImportPage.RefusedForm)] = form,
            [nameof(ImportPage.Refused)] = refused ?? ConsoleForm.Of(),
            [nameof(ImportPage.Faults)] = faults,
        }, statusCode);
}
