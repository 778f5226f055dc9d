using System.Globalization;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.Campaigns;

namespace QuyCheWorkflow.Functions.Mail.Templates;

public static partial class NotificationTemplates
{
    /// <summary>How many late organisations an office summary names; the rest are counted.</summary>
    public const int CampaignSummaryNameLimit = 100;

    /// <summary>
    /// Đợt chỉ đạo: reminds an organisation not yet done of a campaign's requirement before the deadline, or tells a
    /// late one it is overdue; signed by the campaign's office.
    /// </summary>
    public static OutgoingMail CampaignMember(CampaignMemberNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentOutOfRangeException.ThrowIfNegative(notice.Days);
        string deadline = Day(notice.Deadline);
        string days = notice.Days.ToString(CultureInfo.InvariantCulture);
        bool overdue = notice.Kind == CampaignWaveKind.Overdue;
        string subject = overdue
            ? $"Đợt chỉ đạo “{notice.CampaignTitle}”: {notice.OrganisationName} đã quá hạn {days} ngày (hạn {deadline})"
            : notice.Days == 0
                ? $"Nhắc thực hiện đợt chỉ đạo “{notice.CampaignTitle}”: hôm nay là hạn cuối ({deadline})"
                : $"Nhắc thực hiện đợt chỉ đạo “{notice.CampaignTitle}”: còn {days} ngày, hạn {deadline}";
        string directed = notice.DirectingDocument is { } document
            ? $"Thực hiện văn bản số {document.Number} ngày {Day(document.Date)} của {notice.CampaignCommitteeName}, "
            : $"Theo đợt chỉ đạo của {notice.CampaignCommitteeName}, ";
        string requirement = RequirementSentence(notice.Requirement, notice.ModelIssuedOn);
        var facts = new List<(string, string)>
        {
            ("Đợt chỉ đạo", notice.CampaignTitle),
            ("Yêu cầu", CampaignText.Requirement(notice.Requirement)),
        };
        if (notice.DirectingDocument is { } directing)
        {
            facts.Add(("Văn bản chỉ đạo", $"Số {directing.Number} ngày {Day(directing.Date)}"));
        }

        facts.Add(("Hạn hoàn thành", deadline));
        facts.Add(overdue ? ("Số ngày quá hạn", days) : ("Số ngày còn lại", notice.Days == 0 ? "hôm nay là hạn cuối" : days));
        facts.Add(("Tổ chức", notice.OrganisationName));
        facts.Add(("Tình trạng hiện nay", notice.Standing));

        var body = new MailBody(subject, overdue ? "Quá hạn thực hiện đợt chỉ đạo" : "Nhắc thực hiện đợt chỉ đạo")
            .Paragraph(Salutation(notice.To))
            .Paragraph(overdue
                ? directed + $"{notice.OrganisationName} cần {requirement} trước ngày {deadline}. Đến nay, tổ chức chưa hoàn thành và đã quá hạn {days} ngày."
                : directed + $"{notice.OrganisationName} cần {requirement} trước ngày {deadline}. Đến nay, tổ chức chưa hoàn thành yêu cầu này.")
            .Facts([.. facts])
            .Paragraph(overdue
                ? $"Đề nghị {notice.OrganisationName} khẩn trương hoàn thành và báo cáo {notice.CampaignCommitteeName}."
                : $"Đề nghị {notice.OrganisationName} chủ động thực hiện, bảo đảm hoàn thành đúng thời hạn.")
            .Note("Tình trạng thực hiện được cập nhật tự động theo quy trình trên hệ thống; khi tổ chức hoàn thành, hệ thống không gửi thư nhắc nữa.");
        return body.SignedBy(notice.CampaignOfficeName)
            .ToMail(notice.NotificationId, notice.To, overdue ? "campaign-overdue" : "campaign-reminder");
    }

    /// <summary>After an overdue wave: the campaign's state and its late organisations, to the campaign's own office.</summary>
    public static OutgoingMail CampaignSummary(CampaignSummaryNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        string late = notice.LateNames.Count.ToString(CultureInfo.InvariantCulture);
        int members = notice.Counts.Values.Sum();
        string total = members.ToString(CultureInfo.InvariantCulture);
        var body = new MailBody(
                $"Tình hình thực hiện đợt chỉ đạo “{notice.CampaignTitle}” ngày {Day(notice.On)}: {late}/{total} tổ chức quá hạn",
                "Tình hình thực hiện đợt chỉ đạo")
            .Paragraph(Salutation(notice.To))
            .Paragraph($"Hạn hoàn thành đợt chỉ đạo “{notice.CampaignTitle}” là ngày {Day(notice.Deadline)}, đến ngày {Day(notice.On)} đã quá {notice.DaysLate.ToString(CultureInfo.InvariantCulture)} ngày. Tình hình thực hiện của {total} tổ chức:")
            .Facts([.. CampaignRollUp.StateOrder.Select(s => (CampaignText.Compliance(s), notice.Counts.GetValueOrDefault(s).ToString(CultureInfo.InvariantCulture)))]);
        if (notice.LateNames.Count > 0)
        {
            body.Paragraph($"Các tổ chức quá hạn (hệ thống đã gửi thông báo quá hạn đến văn phòng cấp ủy và đồng chí bí thư của {notice.LateNotified.ToString(CultureInfo.InvariantCulture)} tổ chức):")
                .List(notice.LateNames.Take(CampaignSummaryNameLimit));
            if (notice.LateNames.Count > CampaignSummaryNameLimit)
            {
                body.Paragraph($"… và {(notice.LateNames.Count - CampaignSummaryNameLimit).ToString(CultureInfo.InvariantCulture)} tổ chức khác; danh sách đầy đủ xem trên trang đợt chỉ đạo.");
            }
        }

        return body.ToMail(notice.NotificationId, notice.To, "campaign-summary");
    }

    /// <summary>What the requirement asks, as the predicate of a sentence ("ban hành quy chế làm việc …").</summary>
    private static string RequirementSentence(CampaignRequirementKind requirement, DateOnly? modelIssuedOn) => requirement switch
    {
        CampaignRequirementKind.IssueForCurrentTerm => "ban hành quy chế làm việc của nhiệm kỳ hiện tại",
        CampaignRequirementKind.ReviseAfterModel => modelIssuedOn is { } model
            ? $"sửa đổi, bổ sung quy chế làm việc theo quy chế mẫu mới (ban hành ngày {Day(model)})"
            : "sửa đổi, bổ sung quy chế làm việc theo quy chế mẫu mới",
        CampaignRequirementKind.RecordReview => "rà soát quy chế làm việc và ghi nhận kết quả rà soát",
        _ => CampaignText.Requirement(requirement).ToLowerInvariant(),
    };

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
