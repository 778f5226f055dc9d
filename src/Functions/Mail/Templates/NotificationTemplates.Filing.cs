using QuyCheWorkflow.Domain.Calendar;

namespace QuyCheWorkflow.Functions.Mail.Templates;

public static partial class NotificationTemplates
{
    /// <summary>Gửi cấp trên: asks the upper-level office to acknowledge or return an issued regulation.</summary>
    public static OutgoingMail FilingSubmitted(FilingNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new MailBody(
                $"{notice.OrganisationName} gửi Quy chế làm việc số {notice.Symbol} để báo cáo",
                "Gửi quy chế làm việc để cấp trên tiếp nhận")
            .Paragraph(Salutation(notice.To))
            .Paragraph($"{notice.OrganisationName} gửi {notice.RegulationTitle} (số {notice.Symbol}) để cấp ủy cấp trên theo dõi, kiểm tra.")
            .Facts(FilingFacts(notice))
            .Paragraph($"Đề nghị {OfficeOf(notice.UpperLevelCommitteeName, notice.UpperLevelName)} xác nhận đã tiếp nhận, hoặc trả lại kèm yêu cầu sửa đổi, bổ sung.")
            .Action("Tiếp nhận hoặc trả lại", notice.Link)
            .Note("Đường liên kết này dành riêng cho người nhận thư; đề nghị không chuyển tiếp thư này.")
            .SignedBy(OfficeOf(notice.CommitteeName, notice.OrganisationName))
            .ToMail(notice.NotificationId, notice.To, "filing-submitted");
    }

    /// <summary>Reminds the upper-level office of a filing it has not acknowledged.</summary>
    public static OutgoingMail FilingReminder(FilingNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new MailBody(
                $"Nhắc tiếp nhận Quy chế làm việc số {notice.Symbol} của {notice.OrganisationName}",
                "Nhắc tiếp nhận quy chế làm việc")
            .Paragraph(Salutation(notice.To))
            .Paragraph($"{notice.OrganisationName} đã gửi {notice.RegulationTitle}, số {notice.Symbol}, ngày {VietnamTime.FormatDate(notice.FiledAt)}, nhưng đến nay chưa được xác nhận tiếp nhận.")
            .Facts(FilingFacts(notice))
            .Action("Tiếp nhận hoặc trả lại", notice.Link)
            .Note("Đường liên kết này dành riêng cho người nhận thư; đề nghị không chuyển tiếp thư này.")
            .SignedBy(OfficeOf(notice.CommitteeName, notice.OrganisationName))
            .ToMail(notice.NotificationId, notice.To, "filing-reminder");
    }

    /// <summary>Tells the organisation's office that the upper level returned its regulation.</summary>
    public static OutgoingMail FilingReturned(FilingReturnedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var body = new MailBody(
                $"Cấp trên trả lại Quy chế làm việc số {notice.Symbol}: đề nghị sửa đổi, bổ sung",
                "Quy chế làm việc được cấp trên trả lại")
            .Paragraph(Salutation(notice.To))
            .Paragraph($"{notice.UpperLevelName} đã trả lại {notice.RegulationTitle}, số {notice.Symbol}, của {notice.OrganisationName} và đề nghị sửa đổi, bổ sung.")
            .Facts(
                ("Văn bản", $"{notice.RegulationTitle} ({notice.Symbol})"),
                ("Thời gian trả lại", VietnamTime.FormatTimeOnDate(notice.ReturnedAt)),
                ("Lý do, yêu cầu sửa đổi, bổ sung", notice.Reason))
            .Paragraph($"Văn phòng cấp ủy tiến hành sửa đổi, bổ sung quy chế theo yêu cầu; Quy chế làm việc số {notice.Symbol} vẫn có hiệu lực trong thời gian sửa đổi, bổ sung.");
        if (notice.Link is { } link)
        {
            body.Action("Bắt đầu sửa đổi, bổ sung", link);
        }

        return body.SignedBy(OfficeOf(notice.UpperLevelCommitteeName, notice.UpperLevelName)).ToMail(notice.NotificationId, notice.To, "filing-returned");
    }

    private static (string, string)[] FilingFacts(FilingNotice notice) =>
    [
        ("Tổ chức", notice.OrganisationName),
        ("Văn bản", notice.RegulationTitle),
        ("Số, ký hiệu", notice.Symbol),
        ("Ngày ban hành", VietnamTime.FormatDate(notice.IssuedAt)),
        ("Ngày gửi", VietnamTime.FormatDate(notice.FiledAt)),
    ];
}
