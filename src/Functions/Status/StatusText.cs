using System.Globalization;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Quality;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>The Vietnamese words of the status view that the stored rows do not already carry.</summary>
public static class StatusText
{
    public static string Compliance(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Missing => "Chưa có quy chế",
        ComplianceStatus.InPreparation => "Đang xây dựng",
        ComplianceStatus.InForce => "Đang có hiệu lực",
        ComplianceStatus.ReviewOverdue => "Quá hạn rà soát",
        _ => status.ToString(),
    };

    public static string OrganisationType(OrganisationType type) => type switch
    {
        Domain.Organisations.OrganisationType.TerritorialCommittee => "Cấp ủy địa phương",
        Domain.Organisations.OrganisationType.Agency => "Cơ quan",
        Domain.Organisations.OrganisationType.Enterprise => "Doanh nghiệp",
        Domain.Organisations.OrganisationType.Commune => "Xã, phường",
        Domain.Organisations.OrganisationType.PartyDelegation => "Đảng đoàn, ban cán sự đảng",
        Domain.Organisations.OrganisationType.PublicServiceUnit => "Đơn vị sự nghiệp",
        Domain.Organisations.OrganisationType.ArmedForces => "Lực lượng vũ trang",
        _ => "Khác",
    };

    /// <summary>The mark of a text copied from the previous term (<see cref="OrganisationStatusResponse.IsCopiedFromPreviousTerm"/>).</summary>
    public const string CopiedMark = "sao chép";

    /// <summary>The mark of a consultation held for form (<see cref="OrganisationStatusResponse.IsConsultationFormal"/>).</summary>
    public const string FormalMark = "hình thức";

    /// <summary>
    /// How alike the current text is to the previous term's regulation, as the status view shows it: "96 %", "bản quét"
    /// when the text is a scan with no text layer, null when unknown (no text, nothing to compare with, a reference
    /// that is a scan or cannot be read).
    /// </summary>
    public static string? PreviousTermLikeness(TextLikeness? likeness) => likeness?.PreviousTerm switch
    {
        { Kind: LikenessKind.Measured } measured => measured.Label,
        { Kind: LikenessKind.Scanned } => "bản quét",
        _ => null,
    };

    /// <summary>The latest closed consultation's response rate, "Trả lời 40 %"; null when there is none.</summary>
    public static string? ConsultationResponse(ConsultationSummary? consultation) =>
        consultation is null ? null : string.Create(CultureInfo.InvariantCulture, $"Trả lời {consultation.ResponseRatePercent} %");

    /// <summary>A notice as an export cell: "10/12/2026 08:00: Nhắc biểu quyết, gửi Nguyễn Văn An, Trần Thị Bình"; null without one.</summary>
    public static string? NoticeCell(NoticeResponse? notice) =>
        notice is null ? null : notice.AtText + ": " + notice.KindLabel + ", gửi " + string.Join(", ", notice.To);

    /// <summary>The likeness with its mark, as one spreadsheet cell: "96 % (sao chép)", "bản quét"; null when unknown.</summary>
    public static string? PreviousTermLikenessCell(OrganisationStatusResponse row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Marked(PreviousTermLikeness(row.Likeness), row.IsCopiedFromPreviousTerm, CopiedMark);
    }

    /// <summary>The response rate with its mark, as one spreadsheet cell: "Trả lời 40 % (hình thức)"; null when there is none.</summary>
    public static string? ConsultationCell(OrganisationStatusResponse row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Marked(ConsultationResponse(row.LastConsultation), row.IsConsultationFormal, FormalMark);
    }

    /// <summary>What an audit action means, for the timeline (<see cref="Lifecycle.AuditAction"/>); unknown actions show as they are.</summary>
    public static string AuditAction(string action) => Lifecycle.AuditAction.LabelOf(action);

    /// <summary>What a notice is, for the status view and the timeline.</summary>
    public static string Notice(NoticeKind kind) => kind switch
    {
        NoticeKind.ConsultationInvitation => "Đề nghị góp ý dự thảo",
        NoticeKind.ConsultationReminder => "Nhắc góp ý dự thảo",
        NoticeKind.VoteRequest => "Đề nghị biểu quyết",
        NoticeKind.VoteReminder => "Nhắc biểu quyết",
        NoticeKind.VoteResult => "Thông báo kết quả biểu quyết",
        NoticeKind.VoteDeadlinePassed => "Báo hết hạn biểu quyết chưa có kết quả",
        NoticeKind.FilingSubmitted => "Gửi quy chế lên cấp trên",
        NoticeKind.FilingReminder => "Nhắc cấp trên tiếp nhận quy chế",
        NoticeKind.FilingReturned => "Báo cấp trên trả lại để sửa đổi, bổ sung",
        NoticeKind.ReviewReminder => "Nhắc rà soát định kỳ",
        NoticeKind.ReviewOverdueToOrganisation => "Báo quá hạn rà soát",
        NoticeKind.ReviewOverdueToUpperLevel => "Báo cấp trên việc quá hạn rà soát",
        _ => kind.ToString(),
    };

    private static string? Marked(string? text, bool flagged, string mark) =>
        text is not null && flagged ? text + " (" + mark + ")" : text;
}
