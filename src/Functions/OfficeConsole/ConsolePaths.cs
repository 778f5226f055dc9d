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

    // The upper level's console.
    public const string Dashboard = Root + "/bang-dieu-khien";
    public const string FilingsInbox = Root + "/ho-so-gui-len";
    public const string ModelRegulations = Root + "/quy-che-mau";

    // Copy detection and consultation quality: steps of one regulation, Regulation(org, reg, ComparisonStep).
    public const string ComparisonStep = "so-sanh";
    public const string QualityStep = "chat-luong";
    public const string ComparisonTemplate = RegulationTemplate + "/" + ComparisonStep;
    public const string QualityTemplate = RegulationTemplate + "/" + QualityStep;

    public static string AccountDisable(string accountId) => $"{Accounts}/{Escape(accountId)}/khoa";

    public static string AccountEnable(string accountId) => $"{Accounts}/{Escape(accountId)}/mo-khoa";

    public static string Organisation(string organisationId) => $"{Root}/to-chuc/{Escape(organisationId)}";

    public static string Committee(string organisationId) => Organisation(organisationId) + "/ban-thuong-vu";

    public static string Import(string organisationId) => Organisation(organisationId) + "/nhap-danh-sach";

    public static string NewRegulation(string organisationId) => Organisation(organisationId) + "/quy-che-moi";

    public static string Regulation(string organisationId, string regulationId) =>
        $"{Organisation(organisationId)}/quy-che/{Escape(regulationId)}";

    /// <summary>A step's page of one regulation, e.g. <c>Regulation(org, reg, "bieu-quyet")</c>.</summary>
    public static string Regulation(string organisationId, string regulationId, string step) =>
        $"{Regulation(organisationId, regulationId)}/{step}";

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
