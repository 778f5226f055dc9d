using QuyCheWorkflow.Domain.Calendar;

namespace QuyCheWorkflow.Functions.Mail.Templates;

public static partial class NotificationTemplates
{
    /// <summary>Lấy ý kiến góp ý: invites a consulted party to comment on a draft through a personal link.</summary>
    public static OutgoingMail ConsultationInvitation(ConsultationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var deadline = VietnamTime.FormatTimeOnDate(notice.Deadline);
        return new MailBody(
                $"Lấy ý kiến góp ý dự thảo {notice.RegulationTitle} — hạn {deadline}",
                "Lấy ý kiến góp ý dự thảo quy chế làm việc")
            .Paragraph(Salutation(notice.To))
            .Paragraph($"Ban Thường vụ {CommitteeOf(notice.CommitteeName, notice.OrganisationName)} đề nghị đồng chí góp ý dự thảo {notice.RegulationTitle}.")
            .Facts(
                ("Tổ chức", notice.OrganisationName),
                ("Văn bản", notice.RegulationTitle),
                ("Dự thảo", notice.DraftVersion),
                ("Hạn góp ý", deadline))
            .Paragraph("Đồng chí có thể góp ý theo từng điều của dự thảo, hoặc chọn “Nhất trí, không có ý kiến khác”.")
            .Action("Xem dự thảo và góp ý", notice.Link)
            .Note(PersonalLinkNote)
            .SignedBy(OfficeOf(notice.CommitteeName, notice.OrganisationName))
            .ToMail(notice.NotificationId, notice.To, "consultation-invitation");
    }

    /// <summary>Reminds a consulted party who has not answered yet.</summary>
    public static OutgoingMail ConsultationReminder(ConsultationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var deadline = VietnamTime.FormatTimeOnDate(notice.Deadline);
        return new MailBody(
                $"Nhắc góp ý dự thảo {notice.RegulationTitle} — hạn {deadline}",
                "Nhắc góp ý dự thảo quy chế làm việc")
            .Paragraph(Salutation(notice.To))
            .Paragraph($"Đến nay, Ban Thường vụ {CommitteeOf(notice.CommitteeName, notice.OrganisationName)} chưa nhận được ý kiến góp ý của đồng chí đối với dự thảo {notice.RegulationTitle}. Đề nghị đồng chí gửi ý kiến trước hạn.")
            .Facts(
                ("Văn bản", notice.RegulationTitle),
                ("Dự thảo", notice.DraftVersion),
                ("Hạn góp ý", deadline))
            .Action("Xem dự thảo và góp ý", notice.Link)
            .Note("Trường hợp không có ý kiến, đề nghị đồng chí chọn “Nhất trí, không có ý kiến khác” để văn phòng cấp ủy tổng hợp.")
            .Note(PersonalLinkNote)
            .SignedBy(OfficeOf(notice.CommitteeName, notice.OrganisationName))
            .ToMail(notice.NotificationId, notice.To, "consultation-reminder");
    }
}
