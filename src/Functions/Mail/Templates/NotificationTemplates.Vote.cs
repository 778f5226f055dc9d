using System.Globalization;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Functions.Mail.Templates;

public static partial class NotificationTemplates
{
    /// <summary>Biểu quyết: asks a standing-committee member to vote through a personal link.</summary>
    public static OutgoingMail VoteRequest(VoteNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var deadline = VietnamTime.FormatTimeOnDate(notice.Deadline);
        return new MailBody(
                $"Biểu quyết dự thảo {notice.RegulationTitle} — hạn {deadline}",
                "Đề nghị biểu quyết dự thảo quy chế làm việc")
            .Paragraph(Salutation(notice.To))
            .Paragraph($"Ban Thường vụ {CommitteeOf(notice.CommitteeName, notice.OrganisationName)} xem xét, biểu quyết dự thảo {notice.RegulationTitle}. Đề nghị đồng chí biểu quyết (đồng ý, không đồng ý hoặc ý kiến khác; có thể kèm lý do).")
            .Facts(
                ("Văn bản", notice.RegulationTitle),
                ("Dự thảo", notice.DraftVersion),
                ("Hạn biểu quyết", deadline))
            .Action("Xem dự thảo và biểu quyết", notice.Link)
            .Note("Đồng chí có thể thay đổi biểu quyết cho đến khi có kết quả.")
            .Note(PersonalLinkNote)
            .SignedBy(OfficeOf(notice.CommitteeName, notice.OrganisationName))
            .ToMail(notice.NotificationId, notice.To, "vote-request");
    }

    /// <summary>Reminds a member who has not voted yet.</summary>
    public static OutgoingMail VoteReminder(VoteNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var deadline = VietnamTime.FormatTimeOnDate(notice.Deadline);
        return new MailBody(
                $"Nhắc biểu quyết dự thảo {notice.RegulationTitle} — hạn {deadline}",
                "Nhắc biểu quyết dự thảo quy chế làm việc")
            .Paragraph(Salutation(notice.To))
            .Paragraph($"Đến nay, hệ thống chưa nhận được biểu quyết của đồng chí đối với dự thảo {notice.RegulationTitle} đang được Ban Thường vụ {CommitteeOf(notice.CommitteeName, notice.OrganisationName)} xem xét. Đề nghị đồng chí biểu quyết trước hạn.")
            .Facts(
                ("Văn bản", notice.RegulationTitle),
                ("Dự thảo", notice.DraftVersion),
                ("Hạn biểu quyết", deadline))
            .Action("Xem dự thảo và biểu quyết", notice.Link)
            .Note(PersonalLinkNote)
            .SignedBy(OfficeOf(notice.CommitteeName, notice.OrganisationName))
            .ToMail(notice.NotificationId, notice.To, "vote-reminder");
    }

    /// <summary>Tells members and the office whether the draft passed, with the counts.</summary>
    public static OutgoingMail VoteResult(VoteResultNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var outcome = notice.Passed ? "được thông qua" : "không được thông qua";
        var body = new MailBody(
                $"Kết quả biểu quyết: dự thảo {notice.RegulationTitle} {outcome}",
                $"Kết quả biểu quyết: dự thảo {outcome}")
            .Paragraph(Salutation(notice.To))
            .Paragraph($"Ban Thường vụ {CommitteeOf(notice.CommitteeName, notice.OrganisationName)} đã biểu quyết dự thảo {notice.RegulationTitle} ({notice.DraftVersion}). Kết quả: dự thảo {outcome}.")
            .Facts(TallyFacts(notice.Tally, ("Thời điểm có kết quả", VietnamTime.FormatTimeOnDate(notice.DecidedAt))));
        if (notice.Reasons is { Count: > 0 } reasons)
        {
            body.Paragraph("Ý kiến, lý do của các đồng chí ủy viên Ban Thường vụ:").List(reasons);
        }

        body.Paragraph(notice.Passed
            ? "Văn phòng cấp ủy tiến hành thủ tục ban hành quy chế."
            : "Dự thảo được chuyển lại văn phòng cấp ủy để tiếp thu, giải trình các ý kiến nêu trên.");
        if (notice.Link is { } link)
        {
            body.Action("Xem chi tiết", link);
        }

        return body.SignedBy(OfficeOf(notice.CommitteeName, notice.OrganisationName)).ToMail(notice.NotificationId, notice.To, "vote-result");
    }

    /// <summary>To the secretary and the office: the deadline passed and the vote is still undecided.</summary>
    public static OutgoingMail VoteDeadlineWithoutDecision(VoteDeadlineNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var body = new MailBody(
                $"Hết hạn biểu quyết nhưng chưa có kết quả: {notice.RegulationTitle}",
                "Hết hạn biểu quyết nhưng chưa có kết quả")
            .Paragraph(Salutation(notice.To))
            .Paragraph($"Đã hết hạn biểu quyết dự thảo {notice.RegulationTitle} ({notice.DraftVersion}) của Ban Thường vụ {CommitteeOf(notice.CommitteeName, notice.OrganisationName)} nhưng chưa đủ số phiếu để kết luận.")
            .Facts(TallyFacts(notice.Tally, ("Hạn biểu quyết", VietnamTime.FormatTimeOnDate(notice.Deadline))))
            .Paragraph("Văn phòng cấp ủy có thể gia hạn biểu quyết, hoặc ghi nhận kết quả biểu quyết tại cuộc họp trực tiếp kèm biên bản.");
        if (notice.Link is { } link)
        {
            body.Action("Gia hạn hoặc ghi nhận kết quả họp", link);
        }

        return body.SignedBy(OfficeOf(notice.CommitteeName, notice.OrganisationName))
            .ToMail(notice.NotificationId, notice.To, "vote-deadline-without-decision");
    }

    private static (string, string)[] TallyFacts(VoteTally tally, (string, string) extra) =>
    [
        ("Đồng ý", Count(tally.Agrees, tally.MemberCount)),
        ("Không đồng ý", Count(tally.Disagrees, tally.MemberCount)),
        ("Ý kiến khác", Count(tally.OtherOpinions, tally.MemberCount)),
        ("Chưa biểu quyết", Count(tally.Undecided, tally.MemberCount)),
        extra,
    ];

    private static string Count(int count, int of) => string.Create(CultureInfo.InvariantCulture, $"{count}/{of} ủy viên");
}
