using System.Globalization;
using QuyCheWorkflow.Domain.Calendar;

namespace QuyCheWorkflow.Functions.Mail.Templates;

public static partial class NotificationTemplates
{
    /// <summary>
    /// Rà soát định kỳ: reminds of a review meeting (14 or 3 days ahead, or on the day), with an .ics invitation.
    /// </summary>
    public static OutgoingMail ReviewReminder(ReviewReminderNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentOutOfRangeException.ThrowIfNegative(notice.DaysBefore);
        if (notice.MeetingEnd <= notice.MeetingStart)
        {
            throw new ArgumentException("A review meeting must end after it starts.", nameof(notice));
        }

        var (subject, heading) = notice.DaysBefore == 0
            ? ($"Hôm nay họp rà soát định kỳ {notice.RegulationTitle} ({notice.Symbol})", "Hôm nay đến hạn rà soát định kỳ quy chế làm việc")
            : (string.Create(CultureInfo.InvariantCulture, $"Nhắc rà soát định kỳ {notice.RegulationTitle} ({notice.Symbol}) — còn {notice.DaysBefore} ngày"),
               "Nhắc lịch rà soát định kỳ quy chế làm việc");
        var summary = $"Rà soát định kỳ {notice.RegulationTitle} ({notice.Symbol}) — {notice.OrganisationName}";
        var description =
            $"Họp rà soát định kỳ Quy chế làm việc số {notice.Symbol} ({notice.RegulationTitle}).\n" +
            "Kết luận rà soát: giữ nguyên; sửa đổi, bổ sung; hoặc bãi bỏ." +
            (notice.Link is { } descriptionLink ? "\nGhi nhận kết quả: " + descriptionLink.AbsoluteUri : "");
        var invitation = new MailAttachment(
            ReviewMeetingCalendar.FileName, ReviewMeetingCalendar.ContentType, ReviewMeetingCalendar.Create(notice, summary, description));

        var facts = new List<(string, string)>
        {
            ("Văn bản", $"{notice.RegulationTitle} ({notice.Symbol})"),
            ("Tổ chức", notice.OrganisationName),
            ("Thời gian", $"Từ {VietnamTime.FormatTime(notice.MeetingStart)} đến {VietnamTime.FormatTime(notice.MeetingEnd)}, {VietnamTime.FormatLongDate(notice.MeetingStart)}"),
        };
        if (!string.IsNullOrWhiteSpace(notice.Location))
        {
            facts.Add(("Địa điểm", notice.Location));
        }

        var body = new MailBody(subject, heading)
            .Paragraph(Salutation(notice.To))
            .Paragraph($"Theo quy định, {CommitteeOf(notice.CommitteeName, notice.OrganisationName)} tổ chức họp rà soát định kỳ {notice.RegulationTitle}, số {notice.Symbol}, cụ thể như sau:")
            .Facts([.. facts])
            .Paragraph("Lịch họp được đính kèm (tệp .ics) để đồng chí thêm vào lịch của mình.")
            .Paragraph("Sau cuộc họp, văn phòng cấp ủy ghi nhận kết quả rà soát (giữ nguyên; sửa đổi, bổ sung; hoặc bãi bỏ) kèm biên bản.");
        if (notice.Link is { } link)
        {
            body.Action("Ghi nhận kết quả rà soát", link);
        }

        return body.SignedBy(OfficeOf(notice.CommitteeName, notice.OrganisationName))
            .ToMail(notice.NotificationId, notice.To, "review-reminder", [invitation]);
    }

    /// <summary>A review is overdue: told to the organisation, or to its upper level.</summary>
    public static OutgoingMail ReviewOverdue(OverdueReviewNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var days = notice.DaysOverdue.ToString(CultureInfo.InvariantCulture);
        var toUpperLevel = notice.Audience == OverdueReviewAudience.UpperLevel;
        var body = new MailBody(
                toUpperLevel
                    ? $"{notice.OrganisationName} quá hạn rà soát định kỳ Quy chế làm việc số {notice.Symbol} ({days} ngày)"
                    : $"Quá hạn rà soát định kỳ {notice.RegulationTitle} ({notice.Symbol}) — {days} ngày",
                "Quá hạn rà soát định kỳ quy chế làm việc")
            .Paragraph(Salutation(notice.To))
            .Paragraph(toUpperLevel
                ? $"{notice.OrganisationName} chưa ghi nhận kết quả rà soát định kỳ {notice.RegulationTitle}, số {notice.Symbol}, dù đã quá hạn {days} ngày. Thông báo này gửi đến cấp ủy cấp trên để theo dõi, đôn đốc."
                : $"{notice.OrganisationName} chưa ghi nhận kết quả rà soát định kỳ {notice.RegulationTitle}, số {notice.Symbol}, dù đã quá hạn {days} ngày. Đề nghị tổ chức rà soát và ghi nhận kết quả" +
                  (string.IsNullOrWhiteSpace(notice.UpperLevelName) ? "." : $"; thông báo này cũng được gửi đến {notice.UpperLevelName}."))
            .Facts(
                ("Tổ chức", notice.OrganisationName),
                ("Văn bản", $"{notice.RegulationTitle} ({notice.Symbol})"),
                ("Hạn rà soát", VietnamTime.FormatDate(notice.DueAt)),
                ("Số ngày quá hạn", days));
        if (notice.Link is { } link)
        {
            body.Action(toUpperLevel ? "Xem tình trạng tổ chức" : "Ghi nhận kết quả rà soát", link);
        }

        return body.ToMail(notice.NotificationId, notice.To, toUpperLevel ? "review-overdue-upper-level" : "review-overdue");
    }
}
