using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Functions.Campaigns;
using QuyCheWorkflow.Functions.OfficeConsole.Organisations;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.OfficeConsole.Campaigns;

// The files of a campaign: its directing document, its exports and its final report.
public static partial class CampaignConsolePages
{
    public static async Task<IResult> DownloadDirectingDocument(string campaignId, HttpContext context, CampaignWorkflow workflow, DocumentStore documents,
        CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        var reference = (await workflow.ViewAsync(context.User, campaignId, cancellationToken))?.Campaign.DirectingDocument?.FileReference;
        var document = HashOf(reference) is { } hash ? await documents.DownloadAsync(hash, cancellationToken) : null;
        return document is null
            ? ConsolePages.NotFound("văn bản chỉ đạo")
            : TypedResults.File(document.Content.ToArray(), document.ContentType, document.FileName);
    }

    public static Task<IResult> DownloadCsv(string campaignId, HttpContext context, CampaignWorkflow workflow, CancellationToken cancellationToken) =>
        ExportAsync(campaignId, context, workflow, CampaignExport.Csv, CampaignExport.CsvContentType, "csv", cancellationToken);

    public static Task<IResult> DownloadXlsx(string campaignId, HttpContext context, CampaignWorkflow workflow, CancellationToken cancellationToken) =>
        ExportAsync(campaignId, context, workflow, CampaignExport.Xlsx, CampaignExport.XlsxContentType, "xlsx", cancellationToken);

    /// <summary>The final report of a closed campaign, for those who see it whole (as the API gives it).</summary>
    public static async Task<IResult> DownloadFinalReport(string campaignId, HttpContext context, CampaignWorkflow workflow, DocumentStore documents,
        CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        var view = await workflow.ViewAsync(context.User, campaignId, cancellationToken);
        var report = view is { IsWhole: true, Campaign.FinalReport: { } hash } ? await documents.DownloadAsync(hash, cancellationToken) : null;
        return report is null
            ? ConsolePages.NotFound("báo cáo kết thúc đợt chỉ đạo")
            : TypedResults.File(report.Content.ToArray(), CampaignExport.XlsxContentType, CampaignWorkflow.FinalReportFileName(view!.Campaign));
    }

    private static async Task<IResult> ExportAsync(string campaignId, HttpContext context, CampaignWorkflow workflow, Func<CampaignRollUp, byte[]> write,
        string contentType, string extension, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        if (await workflow.ViewAsync(context.User, campaignId, cancellationToken) is not { } view)
        {
            return ConsolePages.NotFound("đợt chỉ đạo");
        }

        var rollUp = await workflow.RollUpAsync(view, cancellationToken);
        var only = StateOf(context);
        return TypedResults.File(write(only is null ? rollUp : new CampaignRollUp(rollUp.Campaign, rollUp.At, rollUp.In(only))), contentType,
            $"dot-chi-dao-{view.Campaign.Id}.{extension}");
    }

    private static ContentHash? HashOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || reference.Length != 64 || !reference.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return ContentHash.Parse(reference);
    }
}
