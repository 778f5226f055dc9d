namespace QuyCheWorkflow.Functions.Mail.Templates;

public static partial class NotificationTemplates
{
    /// <summary>Lấy ý kiến góp ý: invites a consulted party to comment on a draft through a personal link.</summary>
    public static OutgoingMail ConsultationInvitation(ConsultationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var deadline = VietnamTime.FormatDateTime(notice.Deadline);
        return new MailBody(
                $"Lấy ý kiến góp ý dự thảo {notice.RegulationTitle} — hạn {deadline}",
                "Lấy ý kiến góp ý dự thảo quy chế làm việc")
            .Paragraph(Salutation(notice.To))
            .Paragraph($"{notice.OrganisationName} đề nghị đồng chí cho ý kiến góp ý vào dự thảo {notice.RegulationTitle}.")
            .Facts(
                ("Đơn vị", notice.OrganisationName),
                ("Văn bản", notice.RegulationTitle),
                ("Phiên bản dự thảo", notice.DraftVersion),
                ("Hạn góp ý", deadline))
            .Paragraph("Đồng chí có thể góp ý theo từng Điều của dự thảo, hoặc chọn «Nhất trí, không có ý kiến».")
            .Action("Xem dự thảo và góp ý", notice.Link)
            .Note(PersonalLinkNote)
            .ToMail(notice.NotificationId, notice.To, "consultation-invitation");
    }

    /// <summary>Reminds a consulted party who has not answered yet.</summary>
    public static OutgoingMail ConsultationReminder(ConsultationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var deadline = VietnamTime.FormatDateTime(notice.Deadline);
        return new MailBody(
                $"Nhắc góp ý dự thảo {notice.RegulationTitle} — hạn {deadline}",
                "Nhắc góp ý dự thảo quy chế làm việc")
            .Paragraph(Salutation(notice.To))
            .Paragraph($"Đến nay, {notice.OrganisationName} chưa nhận được ý kiến góp ý của đồng chí đối với dự thảo {notice.RegulationTitle}. Đề nghị đồng chí gửi ý kiến trước hạn.")
            .Facts(
                ("Văn bản", notice.RegulationTitle),
                ("Phiên bản dự thảo", notice.DraftVersion),
                ("Hạn góp ý", deadline))
            .Action("Xem dự thảo và góp ý", notice.Link)
            .Note("Nếu không có ý kiến, đồng chí vẫn vui lòng chọn «Nhất trí, không có ý kiến» để văn phòng tổng hợp.")
            .Note(PersonalLinkNote)
            .ToMail(notice.NotificationId, notice.To, "consultation-reminder");
    }
}
