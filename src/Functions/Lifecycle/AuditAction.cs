namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// What an audit entry records: the stored code ("vote.cast") and the label a regulation's or an organisation's
/// timeline shows for it. Every action the app writes is one of <see cref="All"/>, so none can show raw.
/// </summary>
public sealed class AuditAction
{
    private AuditAction(string code, string timelineLabel)
    {
        Code = code;
        TimelineLabel = timelineLabel;
    }

    /// <summary>The code stored in the audit log. WARNING: stored in audit rows; changing one orphans its entries' label.</summary>
    public string Code { get; }

    /// <summary>The Vietnamese wording on the timeline.</summary>
    public string TimelineLabel { get; }

    public static AuditAction RegulationCreated { get; } = new("regulation.created", "Tạo hồ sơ quy chế");
    public static AuditAction DraftUploaded { get; } = new("draft.uploaded", "Tải lên dự thảo");
    public static AuditAction ConsultationOpened { get; } = new("consultation.opened", "Bắt đầu lấy ý kiến góp ý");
    public static AuditAction ConsultationAnswered { get; } = new("consultation.answered", "Gửi ý kiến góp ý");
    public static AuditAction ConsultationClosed { get; } = new("consultation.closed", "Kết thúc lấy ý kiến góp ý");
    public static AuditAction ResolutionStarted { get; } = new("resolution.started", "Bắt đầu tiếp thu, giải trình");
    public static AuditAction CommentResolved { get; } = new("comment.resolved", "Tiếp thu, giải trình một ý kiến");
    public static AuditAction VoteOpened { get; } = new("vote.opened", "Trình Ban Thường vụ biểu quyết");
    public static AuditAction VoteCast { get; } = new("vote.cast", "Ủy viên biểu quyết");
    public static AuditAction VoteExtended { get; } = new("vote.extended", "Gia hạn biểu quyết");
    public static AuditAction VoteExpired { get; } = new("vote.expired", "Hết hạn biểu quyết chưa có kết quả");
    public static AuditAction VoteDecided { get; } = new("vote.decided", "Có kết quả biểu quyết");
    public static AuditAction VoteInPerson { get; } = new("vote.in-person", "Ghi nhận kết quả biểu quyết tại cuộc họp");
    public static AuditAction VoteMemberReplaced { get; } = new("vote.member-replaced", "Thay ủy viên trong đợt biểu quyết");
    public static AuditAction RegulationIssued { get; } = new("regulation.issued", "Ban hành quy chế");
    public static AuditAction RegulationSuperseded { get; } = new("regulation.superseded", "Quy chế bị thay thế");
    public static AuditAction FilingSent { get; } = new("filing.sent", "Gửi cấp trên");
    public static AuditAction FilingAcknowledged { get; } = new("filing.acknowledged", "Cấp trên đã tiếp nhận");
    public static AuditAction FilingReturned { get; } = new("filing.returned", "Cấp trên trả lại");
    public static AuditAction ReviewRecorded { get; } = new("review.recorded", "Ghi nhận rà soát định kỳ");
    public static AuditAction OrganisationCreated { get; } = new("organisation.created", "Tạo tổ chức");
    public static AuditAction OrganisationUpdated { get; } = new("organisation.updated", "Cập nhật thông tin tổ chức");
    public static AuditAction CommitteeReplaced { get; } = new("organisation.committee-replaced", "Cập nhật Ban Thường vụ");
    public static AuditAction TermEntered { get; } = new("organisation.term-entered", "Bắt đầu nhiệm kỳ mới");
    public static AuditAction CommitteeMemberReplaced { get; } = new("organisation.member-replaced", "Thay ủy viên Ban Thường vụ");
    public static AuditAction ModelRegulationPublished { get; } = new("model-regulation.published", "Ban hành quy chế mẫu");
    public static AuditAction CampaignStarted { get; } = new("campaign.started", "Bắt đầu đợt chỉ đạo");
    public static AuditAction CampaignClosed { get; } = new("campaign.closed", "Kết thúc đợt chỉ đạo");
    public static AuditAction CampaignWaveSent { get; } = new("campaign.wave-sent", "Gửi nhắc việc của đợt chỉ đạo");

    /// <summary>Every action, in the order above.</summary>
    public static IReadOnlyList<AuditAction> All { get; } =
    [
        RegulationCreated, DraftUploaded, ConsultationOpened, ConsultationAnswered, ConsultationClosed, ResolutionStarted,
        CommentResolved, VoteOpened, VoteCast, VoteExtended, VoteExpired, VoteDecided, VoteInPerson, VoteMemberReplaced,
        RegulationIssued, RegulationSuperseded, FilingSent, FilingAcknowledged, FilingReturned, ReviewRecorded,
        OrganisationCreated, OrganisationUpdated, CommitteeReplaced, TermEntered, CommitteeMemberReplaced, ModelRegulationPublished,
        CampaignStarted, CampaignClosed, CampaignWaveSent,
    ];

    private static readonly Dictionary<string, AuditAction> s_byCode = All.ToDictionary(a => a.Code, StringComparer.Ordinal);

    /// <summary>The label of a stored code; a code no longer written shows as stored.</summary>
    public static string LabelOf(string code) => s_byCode.TryGetValue(code, out var action) ? action.TimelineLabel : code;

    /// <summary>The action stored as <paramref name="code"/>, or null.</summary>
    public static AuditAction? Find(string code) => s_byCode.GetValueOrDefault(code);

    public override string ToString() => Code;
}
