using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Mail.Templates;

namespace QuyCheWorkflow.Functions.Tests.Mail;

/// <summary>Notices with realistic Vietnamese defaults; each test overrides only what it is about.</summary>
internal static class NotificationSamples
{
    // Already a committee's name, so the committee derived from it is the same.
    public const string Organisation = "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh";
    public const string Office = "Văn phòng " + Organisation;

    // The upper level's organisation, whose committee has a name of its own.
    public const string UpperLevel = "Đảng bộ tỉnh Thừa Thiên Huế";
    public const string UpperLevelCommittee = "Tỉnh ủy Thừa Thiên Huế";
    public const string UpperLevelOffice = "Văn phòng Tỉnh ủy Thừa Thiên Huế";
    public const string Title = "Quy chế làm việc của Ban Chấp hành Đảng bộ nhiệm kỳ 2025–2030";

    // 17:00 Vietnam time on Saturday 5 December 2026.
    public static readonly DateTimeOffset Deadline = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    public static readonly Uri Link = new("http://127.0.0.1:7071/l/k1.AQIAAABp_ZcQ-abc.Zm9v_bar-baz?src=mail&x=1");

    public static MailRecipient Recipient(string address) => new(address, "Nguyễn Thị Hồng Nhung");

    public static ConsultationNotice Consultation(string address) => new(
        $"consultation-invite/{address}", Recipient(address), Organisation, Title, "lần 3", Deadline, Link);

    public static VoteNotice Vote(string address) => new(
        $"vote-request/{address}", Recipient(address), Organisation, Title, "lần 5", Deadline, Link);

    public static VoteResultNotice VoteResult(string address, bool passed = true) => new(
        $"vote-result/{address}", Recipient(address), Organisation, Title, "lần 5", passed, new VoteTally(9, 5, 1, 1), Deadline,
        passed ? null : ["Đề nghị bổ sung Điều 7 về chế độ báo cáo", "Chưa rõ trách nhiệm của Thường trực"]);

    public static VoteDeadlineNotice VoteDeadline(string address) => new(
        $"vote-deadline/{address}", Recipient(address), Organisation, Title, "lần 5", Deadline, new VoteTally(9, 3, 2, 0), Link);

    public static FilingNotice Filing(string address) => new(
        $"filing/{address}", new MailRecipient(address, UpperLevelOffice), UpperLevel, Organisation, Title, "05-QC/ĐUK",
        new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero), Link)
    {
        UpperLevelCommitteeName = UpperLevelCommittee,
    };

    public static FilingReturnedNotice FilingReturned(string address) => new(
        $"filing-returned/{address}", Recipient(address), Organisation, UpperLevel, Title, "05-QC/ĐUK",
        "Đề nghị sửa Điều 12: thẩm quyền của Ban Thường vụ; bổ sung chế độ thông tin, báo cáo.", Deadline, Link)
    {
        UpperLevelCommitteeName = UpperLevelCommittee,
    };

    public static ReviewReminderNotice ReviewReminder(string address, int daysBefore = 14) => new(
        $"review-reminder/{daysBefore}/{address}",
        Recipient(address),
        Organisation,
        Title,
        "05-QC/ĐUK",
        ReviewId: "rev-2027-1",
        DaysBefore: daysBefore,

        // 08:00–10:00 Vietnam time on Tuesday 1 June 2027.
        MeetingStart: new DateTimeOffset(2027, 6, 1, 1, 0, 0, TimeSpan.Zero),
        MeetingEnd: new DateTimeOffset(2027, 6, 1, 3, 0, 0, TimeSpan.Zero),
        Organizer: new MailRecipient("vanphong@quyche.example.vn", "Văn phòng Đảng ủy Khối"),
        CreatedAt: new DateTimeOffset(2027, 5, 18, 1, 0, 0, TimeSpan.Zero),
        Location: "Phòng họp tầng 3, trụ sở Đảng ủy Khối; số 12 đường Trần Hưng Đạo, TP. Huế",
        Link: Link);

    public static OverdueReviewNotice Overdue(string address, OverdueReviewAudience audience) => new(
        $"review-overdue/{audience}/{address}", Recipient(address), audience, Organisation, UpperLevel, Title, "05-QC/ĐUK",
        new DateTimeOffset(2027, 6, 1, 1, 0, 0, TimeSpan.Zero), 12, Link);

    public static CampaignMemberNotice CampaignMember(string address, CampaignWaveKind kind = CampaignWaveKind.Reminder, int days = 30) => new(
        $"campaign/{kind}/{days}/{address}", Recipient(address), kind, "Ban hành quy chế làm việc nhiệm kỳ 2025 - 2030",
        CampaignRequirementKind.IssueForCurrentTerm, new DateOnly(2026, 12, 31), days, Organisation, "Đang thực hiện (Đang lấy ý kiến góp ý)",
        UpperLevelCommittee, UpperLevelOffice, new DirectingDocument("125-CV/TU", new DateOnly(2026, 10, 10)));

    public static CampaignSummaryNotice CampaignSummary(string address) => new(
        $"campaign/summary/{address}", new MailRecipient(address, UpperLevelOffice), "Ban hành quy chế làm việc nhiệm kỳ 2025 - 2030",
        new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 8), 8,
        new Dictionary<CampaignComplianceState, int> { [CampaignComplianceState.Late] = 2, [CampaignComplianceState.Done] = 5 },
        [Organisation, UpperLevel], 2);

    /// <summary>Every kind of notification, with the sentence its plain text must carry.</summary>
    public static IEnumerable<(string Kind, Func<string, OutgoingMail> Build, string Expected)> AllKinds() =>
    [
        ("ConsultationInvitation", a => NotificationTemplates.ConsultationInvitation(Consultation(a)), "đề nghị đồng chí góp ý dự thảo"),
        ("ConsultationReminder", a => NotificationTemplates.ConsultationReminder(Consultation(a)), "chưa nhận được ý kiến góp ý"),
        ("VoteRequest", a => NotificationTemplates.VoteRequest(Vote(a)), "đồng ý, không đồng ý hoặc ý kiến khác; có thể kèm lý do"),
        ("VoteReminder", a => NotificationTemplates.VoteReminder(Vote(a)), "chưa nhận được biểu quyết"),
        ("VoteResultPassed", a => NotificationTemplates.VoteResult(VoteResult(a)), "Kết quả: dự thảo được thông qua"),
        ("VoteResultFailed", a => NotificationTemplates.VoteResult(VoteResult(a, passed: false)), "tiếp thu, giải trình"),
        ("VoteDeadline", a => NotificationTemplates.VoteDeadlineWithoutDecision(VoteDeadline(a)), "chưa đủ số phiếu để kết luận"),
        ("FilingSubmitted", a => NotificationTemplates.FilingSubmitted(Filing(a)), "để cấp ủy cấp trên theo dõi, kiểm tra"),
        ("FilingReminder", a => NotificationTemplates.FilingReminder(Filing(a)), "chưa được xác nhận tiếp nhận"),
        ("FilingReturned", a => NotificationTemplates.FilingReturned(FilingReturned(a)), "đề nghị sửa đổi, bổ sung"),
        ("ReviewReminder14", a => NotificationTemplates.ReviewReminder(ReviewReminder(a, 14)), "rà soát định kỳ"),
        ("ReviewReminder3", a => NotificationTemplates.ReviewReminder(ReviewReminder(a, 3)), "rà soát định kỳ"),
        ("ReviewReminderToday", a => NotificationTemplates.ReviewReminder(ReviewReminder(a, 0)), "rà soát định kỳ"),
        ("OverdueToOrganisation", a => NotificationTemplates.ReviewOverdue(Overdue(a, OverdueReviewAudience.Organisation)), "quá hạn 12 ngày"),
        ("OverdueToUpperLevel", a => NotificationTemplates.ReviewOverdue(Overdue(a, OverdueReviewAudience.UpperLevel)), "theo dõi, đôn đốc"),
        ("CampaignReminder", a => NotificationTemplates.CampaignMember(CampaignMember(a)), "cần ban hành quy chế làm việc của nhiệm kỳ hiện tại trước ngày 31/12/2026"),
        ("CampaignReminderToday", a => NotificationTemplates.CampaignMember(CampaignMember(a, days: 0)), "Số ngày còn lại: hôm nay là hạn cuối"),
        ("CampaignOverdue", a => NotificationTemplates.CampaignMember(CampaignMember(a, CampaignWaveKind.Overdue, 8)), "đã quá hạn 8 ngày"),
        ("CampaignSummary", a => NotificationTemplates.CampaignSummary(CampaignSummary(a)), "đến ngày 08/01/2027 đã quá 8 ngày"),
    ];

    public static Func<string, OutgoingMail> Kind(string kind) => AllKinds().Single(k => k.Kind == kind).Build;

    public static string ExpectedSentence(string kind) => AllKinds().Single(k => k.Kind == kind).Expected;

    public static TheoryData<string> KindNames() => new(AllKinds().Select(k => k.Kind));
}
