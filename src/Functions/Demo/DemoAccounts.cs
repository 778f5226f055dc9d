using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.Demo;

/// <summary>
/// The demo's console accounts: an upper-level office person for the province (the tree's root) and a clerk for each
/// demo organisation's office. The addresses are fixed, so run.sh can print them; the sign-in links land in maildev.
/// </summary>
public static class DemoAccounts
{
    public const string MailDomain = "binhminh.example.vn";

    /// <summary>The upper-level office person of the province.</summary>
    public const string UpperLevelEmail = "chanh-van-phong@" + MailDomain;

    /// <summary>The clerk of the organisation with a regulation in consultation.</summary>
    public static string FinanceClerkEmail => ClerkEmail(DemoTree.FinanceId);

    /// <summary>The clerk of <paramref name="organisationId"/>'s office: <c>van-thu.{id}@binhminh.example.vn</c>.</summary>
    public static string ClerkEmail(string organisationId) => $"van-thu.{organisationId}@{MailDomain}";

    private static readonly string[] s_clerkNames =
        ["Nguyễn Thị Hằng", "Trần Văn Hùng", "Lê Thị Hương", "Phạm Văn Kiên", "Hoàng Thị Liên", "Vũ Văn Nam"];

    public static IReadOnlyList<(string FullName, string Email, string OrganisationId, ApiRole Role)> All { get; } =
    [
        ("Đặng Thị Phương", UpperLevelEmail, DemoTree.ProvinceId, ApiRole.UpperLevelOffice),
        .. DemoTree.Organisations.Select((o, i) => (s_clerkNames[i % s_clerkNames.Length], ClerkEmail(o.Id), o.Id, ApiRole.Office)),
    ];
}
