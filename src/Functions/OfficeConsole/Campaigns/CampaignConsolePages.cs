using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.Campaigns;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.OfficeConsole.Organisations;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.OfficeConsole.Campaigns;

/// <summary>
/// The campaigns (<i>đợt chỉ đạo</i>) in the console, on the API's own service (<see cref="CampaignWorkflow"/>) and
/// visibility rule (<see cref="CampaignWorkflow.ViewAsync"/>): the list of the campaigns a person sees
/// (<see cref="ConsolePaths.Campaigns"/>); the form that starts one, with the directing document's file
/// (<see cref="ConsolePaths.NewCampaign"/>, upper-level offices and administrators); one campaign's page with its
/// counts by state, each a link that keeps that state, the members paged on the server, the late first, with their
/// copy and quality figures; the reminder waves sent (<see cref="CampaignNoticeLedger.ListWavesAsync"/>); its exports
/// (<see cref="CampaignExport"/>); and closing it early with a note. The office
/// of a covered organisation sees its own part of a campaign, read-only.
/// </summary>
public static partial class CampaignConsolePages
{
    /// <summary>Members shown per page of a campaign.</summary>
    public const int PageSize = 50;

    public const string CloseNoteField = "note";
    public const string CloseConfirmField = "confirm";
    public const int CloseNoteMaxLength = 1000;

    public static IEndpointRouteBuilder MapCampaignConsolePages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ConsolePaths.Campaigns, ShowCampaigns).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.NewCampaign, ShowNewCampaign).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.NewCampaign, StartCampaign).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.CampaignTemplate, ShowCampaign).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.CampaignCloseTemplate, CloseCampaign).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.CampaignDocumentTemplate, DownloadDirectingDocument).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.CampaignCsvTemplate, DownloadCsv).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.CampaignXlsxTemplate, DownloadXlsx).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.CampaignFinalReportTemplate, DownloadFinalReport).ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> ShowCampaigns(HttpContext context, CampaignWorkflow workflow, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is not { } user)
        {
            return ConsolePages.SignIn(context);
        }

        List<CampaignRollUp> rows = [];
        foreach (var campaign in await workflow.ListAsync(context.User, cancellationToken))
        {
            if (await workflow.ViewAsync(context.User, campaign.Id, cancellationToken) is { } view)
            {
                rows.Add(await workflow.RollUpAsync(view, cancellationToken));
            }
        }

        return ConsolePages.Page<CampaignListPage>(new()
        {
            [nameof(CampaignListPage.RollUps)] = rows,
            [nameof(CampaignListPage.MayStart)] = CampaignWorkflow.MayRunCampaigns(context.User),
        });
    }

    public static IResult ShowNewCampaign(HttpContext context)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        return CampaignWorkflow.MayRunCampaigns(context.User)
            ? NewPage(CampaignStartForm.Empty(), StatusCodes.Status200OK)
            : ConsolePages.UpperLevelOnly();
    }

    /// <summary>
    /// Multipart: the fields of <see cref="CampaignStartForm"/>, the directing document's file optional (DOCX or PDF,
    /// checked as every upload is). Starts the campaign on the person's own organisation; a refusal comes back beside
    /// its field with nothing stored.
    /// </summary>
    public static async Task<IResult> StartCampaign(HttpContext context, CampaignWorkflow workflow, IOptions<OfficeApiOptions> options,
        CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is not { } user)
        {
            return ConsolePages.SignIn(context);
        }

        var posted = await ConsolePages.ReadFormAsync(context, cancellationToken);
        if (!CampaignWorkflow.MayRunCampaigns(context.User))
        {
            return ConsolePages.UpperLevelOnly();
        }

        var form = CampaignStartForm.Posted(posted);
        var request = CampaignStartForm.Read(form, string.IsNullOrEmpty(user.OrganisationId) ? null : user.OrganisationId);
        DirectingDocumentFile? file = null;
        if (posted.Files.GetFile(CampaignStartForm.DocumentFileField) is { Length: > 0 } upload)
        {
            var (document, refusal) = await DocumentUploads.CheckAsync(upload, options.Value.MaxUploadBytes, cancellationToken);
            if (refusal is not null)
            {
                form.Refuse(CampaignStartForm.DocumentFileField, refusal.Detail);
            }
            else
            {
                file = new DirectingDocumentFile(document!.Content, document.FileName, document.Kind.ContentType);
                if (form.Value(CampaignStartForm.DocumentNumberField).Trim().Length == 0)
                {
                    form.Refuse(CampaignStartForm.DocumentNumberField, "Đề nghị ghi số, ký hiệu và ngày ban hành của văn bản chỉ đạo kèm theo tệp.");
                }
            }
        }

        if (request is not null && !form.HasErrors)
        {
            try
            {
                var actor = await OfficeCaller.ActorOfAsync(context, cancellationToken);
                if (await workflow.StartWithDocumentFileAsync(context.User, actor, request, file, cancellationToken) is not { } campaign)
                {
                    return ConsolePages.OrganisationNotFound();
                }

                return new SeeOther($"{ConsolePaths.Campaign(campaign.Id)}?{OrganisationConsolePages.NoticeParameter}=mo-dot");
            }
            catch (DomainException refusal)
            {
                ConsolePages.Refuse(form, refusal);
            }
        }

        return NewPage(form, StatusCodes.Status400BadRequest);
    }

    public static async Task<IResult> ShowCampaign(string campaignId, HttpContext context, CampaignWorkflow workflow, OrganisationStore organisations,
        CampaignNoticeLedger ledger, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        if (await workflow.ViewAsync(context.User, campaignId, cancellationToken) is not { } view)
        {
            return ConsolePages.NotFound("đợt chỉ đạo");
        }

        var notice = context.Request.Query[OrganisationConsolePages.NoticeParameter].ToString() switch
        {
            "mo-dot" => "Đã mở đợt chỉ đạo. Tình hình của từng tổ chức được cập nhật theo quy chế của tổ chức; các tổ chức chưa hoàn thành được nhắc theo lịch nhắc.",
            "ket-thuc" => "Đã kết thúc đợt chỉ đạo; báo cáo kết thúc đợt đã được lưu.",
            _ => null,
        };
        return await CampaignPageAsync(context, view, workflow, organisations, ledger, CloseForm(), notice, StatusCodes.Status200OK, cancellationToken);
    }

    /// <summary>Closes the campaign early with a note; the form confirms it first (<see cref="CloseConfirmField"/>).</summary>
    public static async Task<IResult> CloseCampaign(string campaignId, HttpContext context, CampaignWorkflow workflow, OrganisationStore organisations,
        CampaignNoticeLedger ledger, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        var posted = await ConsolePages.ReadFormAsync(context, cancellationToken);
        if (!CampaignWorkflow.MayRunCampaigns(context.User))
        {
            return ConsolePages.UpperLevelOnly();
        }

        if (await workflow.ViewAsync(context.User, campaignId, cancellationToken) is not { IsWhole: true } view)
        {
            return ConsolePages.NotFound("đợt chỉ đạo");
        }

        var form = ConsoleForm.Posted(posted, CloseNoteField, CloseConfirmField);
        string note = form.Value(CloseNoteField).Trim();
        if (note.Length > CloseNoteMaxLength)
        {
            form.Refuse(CloseNoteField, $"Ghi chú tối đa {CloseNoteMaxLength} ký tự.");
        }

        if (form.Value(CloseConfirmField) != "true")
        {
            form.Refuse(CloseConfirmField, "Đề nghị đánh dấu xác nhận trước khi kết thúc đợt chỉ đạo.");
        }

        if (!form.HasErrors)
        {
            try
            {
                var actor = await OfficeCaller.ActorOfAsync(context, cancellationToken);
                if (await workflow.CloseAsync(context.User, actor, campaignId, note, cancellationToken) is null)
                {
                    return ConsolePages.NotFound("đợt chỉ đạo");
                }

                return new SeeOther($"{ConsolePaths.Campaign(campaignId)}?{OrganisationConsolePages.NoticeParameter}=ket-thuc");
            }
            catch (DomainException refusal)
            {
                ConsolePages.Refuse(form, refusal);
            }
            catch (ConcurrencyConflictException)
            {
                form.Refuse(ConsoleForm.FormKey, "Đợt chỉ đạo vừa được thay đổi đồng thời; đề nghị xem lại rồi thử lại.");
            }

            view = await workflow.ViewAsync(context.User, campaignId, cancellationToken) ?? view;
        }

        return await CampaignPageAsync(context, view, workflow, organisations, ledger, form, null, StatusCodes.Status400BadRequest, cancellationToken);
    }

    /// <summary>The compliance state a page or download keeps, or null for all (an unknown value keeps all).</summary>
    public static CampaignComplianceState? StateOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CampaignsApi.TryReadState(context.Request.Query[ConsolePaths.CampaignStateParameter].ToString(), out var state) ? state : null;
    }

    private static async Task<IResult> CampaignPageAsync(HttpContext context, CampaignView view, CampaignWorkflow workflow, OrganisationStore organisations,
        CampaignNoticeLedger ledger, ConsoleForm closeForm, string? notice, int statusCode, CancellationToken cancellationToken)
    {
        var rollUp = await workflow.RollUpAsync(view, cancellationToken);
        var state = StateOf(context);
        var shown = rollUp.In(state);
        int pageCount = Math.Max(1, (shown.Count + PageSize - 1) / PageSize);
        int page = int.TryParse(context.Request.Query[ConsolePaths.CampaignPageParameter].ToString(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out int asked) ? Math.Clamp(asked, 1, pageCount) : 1;
        var office = (await organisations.GetAsync(view.Campaign.OfficeOrganisationId, cancellationToken))?.Value;
        // The waves count every member's notices: for those who see the campaign whole.
        var waves = view.IsWhole ? await ledger.ListWavesAsync(view.Campaign.Id, cancellationToken) : [];
        return ConsolePages.Page<CampaignPage>(new()
        {
            [nameof(CampaignPage.View)] = view,
            [nameof(CampaignPage.RollUp)] = rollUp,
            [nameof(CampaignPage.OfficeName)] = office?.Name ?? view.Campaign.OfficeOrganisationId,
            [nameof(CampaignPage.State)] = state,
            [nameof(CampaignPage.Members)] = shown.Skip((page - 1) * PageSize).Take(PageSize).ToList(),
            [nameof(CampaignPage.ShownCount)] = shown.Count,
            [nameof(CampaignPage.PageNumber)] = page,
            [nameof(CampaignPage.PageCount)] = pageCount,
            [nameof(CampaignPage.MayClose)] = CampaignWorkflow.MayRunCampaigns(context.User) && view.IsWhole,
            [nameof(CampaignPage.CloseForm)] = closeForm,
            [nameof(CampaignPage.Notice)] = notice,
            [nameof(CampaignPage.Waves)] = waves,
        }, statusCode);
    }

    private static RazorComponentResult<NewCampaignPage> NewPage(ConsoleForm form, int statusCode) =>
        ConsolePages.Page<NewCampaignPage>(new() { [nameof(NewCampaignPage.Form)] = form }, statusCode);

    private static ConsoleForm CloseForm() => ConsoleForm.Of(new Dictionary<string, string?>
    {
        [CloseNoteField] = null,
        [CloseConfirmField] = null,
    });
}
