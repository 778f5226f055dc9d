using System.Globalization;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.OfficeConsole;

/// <summary>
/// Every address of the office console, in one place: the pages link to each other only through these. All of
/// them sit under <see cref="Root"/>, the path the session cookie is scoped to.
/// </summary>
public static class ConsolePaths
{
    public const string Root = "/van-phong";

    // Signing in and out, and the accounts of the people who use the console.
    public const string SignIn = Root + "/dang-nhap";
    public const string SignInLink = SignIn + "/lien-ket";
    public const string SignInMicrosoft = SignIn + "/microsoft";
    public const string SignOut = Root + "/dang-xuat";
    public const string Accounts = Root + "/tai-khoan";
    public const string AccountDisableTemplate = Accounts + "/{accountId}/khoa";
    public const string AccountEnableTemplate = Accounts + "/{accountId}/mo-khoa";

    // The clerk's console.
    public const string Home = Root;
    public const string OrganisationTemplate = Root + "/to-chuc/{organisationId}";
    public const string CommitteeTemplate = OrganisationTemplate + "/ban-thuong-vu";
    public const string ImportTemplate = OrganisationTemplate + "/nhap-danh-sach";
    public const string NewRegulationTemplate = OrganisationTemplate + "/quy-che-moi";
    public const string RegulationTemplate = OrganisationTemplate + "/quy-che/{regulationId}";

    // A regulation's own pages: the steps its page links to and the files it offers (Regulation(org, reg, step)).
    public const string DraftUploadStep = "tai-du-thao";
    public const string DraftStep = "du-thao";
    public const string DraftTemplate = RegulationTemplate + "/" + DraftStep + "/{number:int}";
    public const string ConsultationStep = "lay-y-kien";
    public const string ResolutionStep = "tiep-thu";
    public const string ResolutionSheetStep = "bang-tiep-thu.docx";
    public const string IssuedDocumentStep = "van-ban-ban-hanh";
    public const string ComparisonStep = "so-sanh";
    public const string VoteStep = "bieu-quyet";
    public const string ExtendStep = "gia-han";
    public const string InPersonStep = "hop-truc-tiep";
    public const string IssueStep = "ban-hanh";
    public const string FileStep = "gui-cap-tren";
    public const string ReviewStep = "ra-soat";

    // The upper level's console.
    public const string Dashboard = Root + "/bang-dieu-khien";
    public const string DashboardTable = Dashboard + "/bang";
    public const string DashboardCsv = Dashboard + "/tai-xuong.csv";
    public const string DashboardXlsx = Dashboard + "/tai-xuong.xlsx";
    public const string DashboardTimelineTemplate = Dashboard + "/quy-che/{regulationId}";
    public const string FilingsInbox = Root + "/ho-so-gui-len";
    public const string ModelRegulations = Root + "/quy-che-mau";

    // Organisations: the forms behind the organisation, committee and import pages.
    public const string OrganisationTermTemplate = OrganisationTemplate + "/nhiem-ky";
    public const string CommitteeAddTemplate = CommitteeTemplate + "/them-uy-vien";
    public const string CommitteeReplaceTemplate = CommitteeTemplate + "/thay-uy-vien";
    public const string CommitteeRemoveTemplate = CommitteeTemplate + "/thoi-uy-vien";
    public const string ImportCommitteesTemplate = ImportTemplate + "/uy-vien";
    public const string ImportOrganisationsSampleTemplate = ImportTemplate + "/mau-to-chuc.csv";
    public const string ImportCommitteesSampleTemplate = ImportTemplate + "/mau-uy-vien.csv";

    // The upper level: answering a filing, its document, a model regulation's file.
    public const string FilingTemplate = FilingsInbox + "/{regulationId}/{filingId}";
    public const string FilingDocumentTemplate = FilingTemplate + "/van-ban";
    public const string ModelRegulationFileTemplate = ModelRegulations + "/{type}/{version:int}";

    // The upper level's campaigns (đợt chỉ đạo): the list, a new one, one campaign with its roll-up, its files.
    public const string Campaigns = Root + "/dot-chi-dao";
    public const string NewCampaign = Campaigns + "/mo-dot-moi";
    public const string CampaignTemplate = Campaigns + "/{campaignId}";
    public const string CampaignCloseTemplate = CampaignTemplate + "/ket-thuc";
    public const string CampaignDocumentTemplate = CampaignTemplate + "/van-ban-chi-dao";
    public const string CampaignCsvTemplate = CampaignTemplate + "/tai-xuong.csv";
    public const string CampaignXlsxTemplate = CampaignTemplate + "/tai-xuong.xlsx";
    public const string CampaignFinalReportTemplate = CampaignTemplate + "/bao-cao-ket-thuc.xlsx";

    /// <summary>The query parameter of a campaign's page and downloads that keeps one compliance state (Late, NotStarted …).</summary>
    public const string CampaignStateParameter = "state";

    /// <summary>The query parameter of the page of a campaign's members.</summary>
    public const string CampaignPageParameter = "page";

    public static string Campaign(string campaignId) => $"{Campaigns}/{Escape(campaignId)}";

    /// <summary>A campaign's page keeping the members in <paramref name="state"/> (all when null), at page <paramref name="page"/>.</summary>
    public static string Campaign(string campaignId, string? state, int page = 1) =>
        Campaign(campaignId) + CampaignQuery(state, page);

    public static string CampaignClose(string campaignId) => Campaign(campaignId) + "/ket-thuc";

    public static string CampaignDocument(string campaignId) => Campaign(campaignId) + "/van-ban-chi-dao";

    public static string CampaignCsv(string campaignId, string? state = null) => Campaign(campaignId) + "/tai-xuong.csv" + CampaignQuery(state, 1);

    public static string CampaignXlsx(string campaignId, string? state = null) => Campaign(campaignId) + "/tai-xuong.xlsx" + CampaignQuery(state, 1);

    public static string CampaignFinalReport(string campaignId) => Campaign(campaignId) + "/bao-cao-ket-thuc.xlsx";

    public static string AccountDisable(string accountId) => $"{Accounts}/{Escape(accountId)}/khoa";

    public static string AccountEnable(string accountId) => $"{Accounts}/{Escape(accountId)}/mo-khoa";

    // Copy detection and consultation quality: steps of one regulation, Regulation(org, reg, ComparisonStep).
    public const string QualityStep = "chat-luong";
    public const string ComparisonDraftParameter = "draft";
    public const string ComparisonTemplate = RegulationTemplate + "/" + ComparisonStep;
    public const string QualityTemplate = RegulationTemplate + "/" + QualityStep;

    public static string Organisation(string organisationId) => $"{Root}/to-chuc/{Escape(organisationId)}";

    public static string Committee(string organisationId) => Organisation(organisationId) + "/ban-thuong-vu";

    public static string Import(string organisationId) => Organisation(organisationId) + "/nhap-danh-sach";

    public static string NewRegulation(string organisationId) => Organisation(organisationId) + "/quy-che-moi";

    public static string Regulation(string organisationId, string regulationId) =>
        $"{Organisation(organisationId)}/quy-che/{Escape(regulationId)}";

    /// <summary>One regulation's timeline as the dashboard shows it (audit trail and notices).</summary>
    public static string DashboardTimeline(string regulationId) => $"{Dashboard}/quy-che/{Escape(regulationId)}";

    /// <summary>A step's page of one regulation, e.g. <c>Regulation(org, reg, "bieu-quyet")</c>.</summary>
    public static string Regulation(string organisationId, string regulationId, string step) =>
        $"{Regulation(organisationId, regulationId)}/{step}";

    public static string OrganisationTerm(string organisationId) => Organisation(organisationId) + "/nhiem-ky";

    public static string CommitteeAdd(string organisationId) => Committee(organisationId) + "/them-uy-vien";

    public static string CommitteeReplace(string organisationId) => Committee(organisationId) + "/thay-uy-vien";

    public static string CommitteeRemove(string organisationId) => Committee(organisationId) + "/thoi-uy-vien";

    public static string ImportCommittees(string organisationId) => Import(organisationId) + "/uy-vien";

    public static string ImportOrganisationsSample(string organisationId) => Import(organisationId) + "/mau-to-chuc.csv";

    public static string ImportCommitteesSample(string organisationId) => Import(organisationId) + "/mau-uy-vien.csv";

    public static string Filing(string regulationId, string filingId) => $"{FilingsInbox}/{Escape(regulationId)}/{Escape(filingId)}";

    public static string FilingDocument(string regulationId, string filingId) => Filing(regulationId, filingId) + "/van-ban";

    public static string ModelRegulationFile(OrganisationType type, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{ModelRegulations}/{type}/{version}");

    /// <summary>The comparison of draft <paramref name="number"/> of a regulation with the previous term's text.</summary>
    public static string Comparison(string organisationId, string regulationId, int number) =>
        Regulation(organisationId, regulationId, ComparisonStep) + "?" + ComparisonDraftParameter + "=" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Download of draft <paramref name="number"/> of a regulation.</summary>
    public static string Draft(string organisationId, string regulationId, int number) =>
        Regulation(organisationId, regulationId, DraftStep) + "/" + number.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static string CampaignQuery(string? state, int page)
    {
        List<string> parts = [];
        if (!string.IsNullOrEmpty(state))
        {
            parts.Add(CampaignStateParameter + "=" + Escape(state));
        }

        if (page > 1)
        {
            parts.Add(CampaignPageParameter + "=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
