using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Demo;

/// <summary>
/// The sample tree: a province, a bloc under it and base organisations under the bloc, each with the name of its
/// committee (cấp ủy), which mail and the office's name use, and a standing committee whose addresses end up in maildev's inbox. The names are invented.
/// </summary>
internal static class DemoTree
{
    public const string ProvinceId = "tinh-uy-binh-minh";
    public const string BlocId = "dang-uy-khoi-co-quan";
    public const string FinanceId = "dang-bo-so-tai-chinh";
    public const string HealthId = "dang-bo-so-y-te";
    public const string EducationId = "dang-bo-so-giao-duc";
    public const string WaterId = "dang-bo-cong-ty-cap-nuoc";
    private const string MailDomain = "demo.quyche.local";

    public static Term CurrentTerm { get; } = new(2025, 2030);

    /// <summary>Parents before children.</summary>
    public static IReadOnlyList<Organisation> Organisations { get; } =
    [
        Create(ProvinceId, "Đảng bộ tỉnh Bình Minh", "Tỉnh ủy Bình Minh", "TU", OrganisationType.TerritorialCommittee, null, "tinhuy",
            ("Nguyễn Văn An", CommitteeRole.Secretary), ("Trần Thị Bình", CommitteeRole.DeputySecretary), ("Lê Văn Cường", CommitteeRole.Member)),
        Create(BlocId, "Đảng bộ Khối các cơ quan tỉnh", "Đảng ủy Khối các cơ quan tỉnh", "ĐUK", OrganisationType.Agency, ProvinceId, "khoi",
            ("Phạm Thị Dung", CommitteeRole.Secretary), ("Hoàng Văn Em", CommitteeRole.DeputySecretary), ("Vũ Thị Giang", CommitteeRole.Member)),
        Create(FinanceId, "Đảng bộ Sở Tài chính", "Đảng ủy Sở Tài chính", "ĐU", OrganisationType.Agency, BlocId, "taichinh",
            ("Đặng Văn Hải", CommitteeRole.Secretary), ("Bùi Thị Hoa", CommitteeRole.DeputySecretary), ("Đỗ Văn Khánh", CommitteeRole.Member),
            ("Ngô Thị Lan", CommitteeRole.Member), ("Dương Văn Minh", CommitteeRole.Member)),
        Create(HealthId, "Đảng bộ Sở Y tế", "Đảng ủy Sở Y tế", "ĐU", OrganisationType.Agency, BlocId, "yte",
            ("Lý Thị Ngọc", CommitteeRole.Secretary), ("Mai Văn Phúc", CommitteeRole.DeputySecretary), ("Trịnh Thị Quỳnh", CommitteeRole.Member),
            ("Đinh Văn Sơn", CommitteeRole.Member), ("Lương Thị Thu", CommitteeRole.Member), ("Tô Văn Uy", CommitteeRole.Member),
            ("Hà Thị Vân", CommitteeRole.Member)),
        Create(EducationId, "Đảng bộ Sở Giáo dục và Đào tạo", "Đảng ủy Sở Giáo dục và Đào tạo", "ĐU", OrganisationType.Agency, BlocId, "giaoduc",
            ("Cao Văn Xuân", CommitteeRole.Secretary), ("Kiều Thị Yến", CommitteeRole.DeputySecretary), ("Phan Văn Bảo", CommitteeRole.Member)),
        Create(WaterId, "Đảng bộ Công ty Cấp nước Bình Minh", "Đảng ủy Công ty Cấp nước Bình Minh", "ĐU", OrganisationType.Enterprise, BlocId, "capnuoc",
            ("Quách Văn Đức", CommitteeRole.Secretary), ("Lâm Thị Hạnh", CommitteeRole.DeputySecretary), ("Triệu Văn Long", CommitteeRole.Member)),
    ];

    /// <summary>The departments and cells a base organisation consults on its draft (besides its own committee).</summary>
    public static IReadOnlyList<(string Id, string Name, string Email)> ConsultedParties(string organisationId) =>
    [
        ($"{organisationId}-chi-bo-1", "Chi bộ Văn phòng", $"chibo1.{organisationId}@{MailDomain}"),
        ($"{organisationId}-chi-bo-2", "Chi bộ Phòng Kế hoạch", $"chibo2.{organisationId}@{MailDomain}"),
        ($"{organisationId}-cong-doan", "Công đoàn cơ sở", $"congdoan.{organisationId}@{MailDomain}"),
    ];

    private static Organisation Create(
        string id, string name, string committeeName, string code, OrganisationType type, string? parentId, string mailbox, params (string Name, CommitteeRole Role)[] members)
    {
        var committee = new StandingCommittee(members.Select((m, i) => new CommitteeMember(
            $"{id}-uv{i + 1}", m.Name, $"uv{i + 1}.{mailbox}@{MailDomain}", m.Role)));
        return new Organisation(id, name, OrganisationCode.Parse(code), type, parentId, CurrentTerm, committee)
        {
            OfficeEmail = $"vanphong.{mailbox}@{MailDomain}",
            CommitteeName = committeeName,
        };
    }
}
