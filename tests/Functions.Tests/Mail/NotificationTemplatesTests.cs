using System.Text;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Mail.Templates;

namespace QuyCheWorkflow.Functions.Tests.Mail;

public sealed class NotificationTemplatesTests
{
    private const string Hostile = "<b onmouseover=\"x\">T&amp;'</b>";

    public static TheoryData<string> Kinds => NotificationSamples.KindNames();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_SameInput_GivesSameMessage(string kind)
    {
        var build = NotificationSamples.Kind(kind);

        var first = build("a@example.vn");
        var second = build("a@example.vn");

        Assert.Equal(first.Subject, second.Subject);
        Assert.Equal(first.Html, second.Html);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.NotificationId, second.NotificationId);
        Assert.Equal(first.Attachments.Select(a => a.Content.ToArray()), second.Attachments.Select(a => a.Content.ToArray()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_Html_IsAccessibleVietnameseDocumentWithDeadlineInVietnamTime(string kind)
    {
        var mail = NotificationSamples.Kind(kind)("a@example.vn");

        Assert.StartsWith("<!DOCTYPE html>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", mail.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<title>", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", mail.Html.Replace("&#39;", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(mail.NotificationId, mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(mail.NotificationId, mail.Html, StringComparison.Ordinal);
        Assert.Contains("Trân trọng.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Hệ thống quản lý quy chế làm việc", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("QuyCheWorkflow", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsultationInvitation_Deadline_ShownInVietnamTime()
    {
        var mail = NotificationTemplates.ConsultationInvitation(NotificationSamples.Consultation("a@example.vn"));

        Assert.Contains("hạn 17:00 ngày 05/12/2026", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Hạn góp ý: 17:00 ngày 05/12/2026", mail.Text, StringComparison.Ordinal);
        Assert.Contains("chọn “Nhất trí, không có ý kiến khác”", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AllKinds_HostileValuesEverywhere_AreHtmlEncoded()
    {
        var to = new MailRecipient("a@example.vn", Hostile);
        var mails = new[]
        {
            NotificationTemplates.ConsultationInvitation(new ConsultationNotice("n", to, Hostile, Hostile, Hostile, NotificationSamples.Deadline, NotificationSamples.Link)),
            NotificationTemplates.VoteResult(new VoteResultNotice("n", to, Hostile, Hostile, Hostile, false, new VoteTally(9, 1, 2, 3), NotificationSamples.Deadline, [Hostile], NotificationSamples.Link)),
            NotificationTemplates.FilingReturned(new FilingReturnedNotice("n", to, Hostile, Hostile, Hostile, Hostile, Hostile, NotificationSamples.Deadline, NotificationSamples.Link)),
            NotificationTemplates.ReviewReminder(NotificationSamples.ReviewReminder("a@example.vn") with { To = to, OrganisationName = Hostile, RegulationTitle = Hostile, Location = Hostile }),
            NotificationTemplates.ReviewOverdue(new OverdueReviewNotice("n", to, OverdueReviewAudience.UpperLevel, Hostile, Hostile, Hostile, Hostile, NotificationSamples.Deadline, 3)),
            NotificationTemplates.CampaignMember(NotificationSamples.CampaignMember("a@example.vn") with
            {
                To = to, CampaignTitle = Hostile, OrganisationName = Hostile, Standing = Hostile, CampaignCommitteeName = Hostile, CampaignOfficeName = Hostile,
            }),
            NotificationTemplates.CampaignSummary(NotificationSamples.CampaignSummary("a@example.vn") with { To = to, CampaignTitle = Hostile, LateNames = [Hostile] }),
        };

        Assert.All(mails, mail =>
        {
            Assert.DoesNotContain("<b ", mail.Html, StringComparison.Ordinal);
            Assert.Contains("&lt;b onmouseover=&quot;x&quot;&gt;T&amp;amp;&#39;&lt;/b&gt;", mail.Html, StringComparison.Ordinal);
            Assert.Contains(Hostile, mail.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ReviewReminder_OnTheDayAndBefore_SayWhen()
    {
        var before = NotificationTemplates.ReviewReminder(NotificationSamples.ReviewReminder("a@example.vn", 14));
        var today = NotificationTemplates.ReviewReminder(NotificationSamples.ReviewReminder("a@example.vn", 0));

        Assert.Contains("còn 14 ngày", before.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Hôm nay họp rà soát định kỳ", today.Subject, StringComparison.Ordinal);
        Assert.Contains("Thời gian: Từ 08:00 đến 10:00, Thứ Ba, ngày 01 tháng 06 năm 2027", before.Text, StringComparison.Ordinal);
        Assert.Contains("giữ nguyên; sửa đổi, bổ sung; hoặc bãi bỏ", before.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewReminder_SameReviewDifferentReminders_KeepCalendarUid()
    {
        var first = NotificationTemplates.ReviewReminder(NotificationSamples.ReviewReminder("a@example.vn", 14));
        var last = NotificationTemplates.ReviewReminder(NotificationSamples.ReviewReminder("a@example.vn", 0));

        var uid = (OutgoingMail m) => Encoding.UTF8.GetString(m.Attachments[0].Content.Span).Split("\r\n").Single(l => l.StartsWith("UID:", StringComparison.Ordinal));

        Assert.NotEqual(first.NotificationId, last.NotificationId);
        Assert.Equal(uid(first), uid(last));
    }

    [Fact]
    public void ReviewReminder_EndBeforeStart_Throws()
    {
        var notice = NotificationSamples.ReviewReminder("a@example.vn") with { MeetingEnd = NotificationSamples.ReviewReminder("a@example.vn").MeetingStart };

        Assert.Throws<ArgumentException>(() => NotificationTemplates.ReviewReminder(notice));
    }

    [Fact]
    public void VoteResult_Failed_ListsReasonsAndCounts()
    {
        var mail = NotificationTemplates.VoteResult(NotificationSamples.VoteResult("a@example.vn", passed: false));

        Assert.Contains("không được thông qua", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("- Đồng ý: 5/9 ủy viên", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Chưa biểu quyết: 2/9 ủy viên", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Đề nghị bổ sung Điều 7 về chế độ báo cáo", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FilingSubmitted_ToAnOffice_AddressesTheOfficeNotAComrade()
    {
        var mail = NotificationTemplates.FilingSubmitted(NotificationSamples.Filing("a@example.vn"));

        Assert.Contains("Kính gửi: Văn phòng Tỉnh ủy Thừa Thiên Huế,", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kính gửi đồng chí Văn phòng", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Đề nghị Văn phòng Tỉnh ủy Thừa Thiên Huế xác nhận đã tiếp nhận", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Quy chế làm việc số 05-QC/ĐUK để báo cáo", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("nộp lưu", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewOverdue_WithoutUpperLevel_LeavesOutTheCopyClause()
    {
        var mail = NotificationTemplates.ReviewOverdue(
            NotificationSamples.Overdue("a@example.vn", OverdueReviewAudience.Organisation) with { UpperLevelName = "" });

        Assert.Contains("Đề nghị tổ chức rà soát và ghi nhận kết quả.", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("gửi đến .", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FilingSubmitted_ToTheSecretary_StillAsksTheUpperLevelsOfficeByName()
    {
        var notice = NotificationSamples.Filing("a@example.vn") with { To = NotificationSamples.Recipient("a@example.vn") };

        var mail = NotificationTemplates.FilingSubmitted(notice);

        Assert.Contains("Kính gửi đồng chí Nguyễn Thị Hồng Nhung,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Đề nghị Văn phòng Tỉnh ủy Thừa Thiên Huế xác nhận đã tiếp nhận, hoặc trả lại kèm yêu cầu sửa đổi, bổ sung.", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Đề nghị đồng chí xác nhận", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FilingSubmitted_WithoutUpperLevelCommitteeName_DerivesItFromTheOrganisation()
    {
        var notice = NotificationSamples.Filing("a@example.vn") with { UpperLevelName = "Đảng bộ Khối các cơ quan tỉnh", UpperLevelCommitteeName = null };

        var mail = NotificationTemplates.FilingSubmitted(notice);

        Assert.Contains("Đề nghị Văn phòng Đảng ủy Khối các cơ quan tỉnh xác nhận", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Văn phòng Đảng bộ", mail.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string> VoteKinds => new("VoteRequest", "VoteReminder", "VoteResult", "VoteDeadline");

    [Theory]
    [MemberData(nameof(VoteKinds))]
    public void VoteMails_NameTheCommitteesStandingCommittee_NotTheOrganisation(string kind)
    {
        const string Organisation = "Đảng bộ Sở Tài chính";
        var mail = kind switch
        {
            "VoteRequest" => NotificationTemplates.VoteRequest(NotificationSamples.Vote("a@example.vn") with { OrganisationName = Organisation }),
            "VoteReminder" => NotificationTemplates.VoteReminder(NotificationSamples.Vote("a@example.vn") with { OrganisationName = Organisation }),
            "VoteResult" => NotificationTemplates.VoteResult(NotificationSamples.VoteResult("a@example.vn") with { OrganisationName = Organisation }),
            _ => NotificationTemplates.VoteDeadlineWithoutDecision(NotificationSamples.VoteDeadline("a@example.vn") with { OrganisationName = Organisation }),
        };

        Assert.Contains("Ban Thường vụ Đảng ủy Sở Tài chính", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ban Thường vụ Đảng bộ", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Trân trọng.\nVăn phòng Đảng ủy Sở Tài chính\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Trân trọng.<br>\n<strong>Văn phòng Đảng ủy Sở Tài chính</strong>", mail.Html, StringComparison.Ordinal);
        Assert.Equal("Văn phòng Đảng ủy Sở Tài chính", mail.FromName);
    }

    [Fact]
    public void VoteRequest_WithOwnCommitteeName_UsesIt()
    {
        var mail = NotificationTemplates.VoteRequest(NotificationSamples.Vote("a@example.vn") with
        {
            OrganisationName = "Đảng bộ tỉnh Thừa Thiên Huế",
            CommitteeName = "Tỉnh ủy Thừa Thiên Huế",
        });

        Assert.Contains("Ban Thường vụ Tỉnh ủy Thừa Thiên Huế xem xét, biểu quyết dự thảo", mail.Text, StringComparison.Ordinal);
        Assert.Equal("Văn phòng Tỉnh ủy Thừa Thiên Huế", mail.FromName);
    }

    [Fact]
    public void ConsultationInvitation_RequesterIsTheStandingCommittee()
    {
        var notice = NotificationSamples.Consultation("a@example.vn") with { OrganisationName = "Đảng bộ Sở Tài chính" };

        var invitation = NotificationTemplates.ConsultationInvitation(notice);
        var reminder = NotificationTemplates.ConsultationReminder(notice);

        Assert.Contains("Ban Thường vụ Đảng ủy Sở Tài chính đề nghị đồng chí góp ý dự thảo", invitation.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cho ý kiến góp ý", invitation.Text, StringComparison.Ordinal);
        Assert.Contains("Đến nay, Ban Thường vụ Đảng ủy Sở Tài chính chưa nhận được ý kiến góp ý", reminder.Text, StringComparison.Ordinal);
        Assert.Equal("Văn phòng Đảng ủy Sở Tài chính", invitation.FromName);
    }

    [Fact]
    public void ReviewReminder_TheCommitteeHoldsTheMeeting()
    {
        var mail = NotificationTemplates.ReviewReminder(NotificationSamples.ReviewReminder("a@example.vn") with { OrganisationName = "Đảng bộ Sở Tài chính" });

        Assert.Contains($"Theo quy định, Đảng ủy Sở Tài chính tổ chức họp rà soát định kỳ {NotificationSamples.Title}, số 05-QC/ĐUK, cụ thể như sau:", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Trân trọng.\nVăn phòng Đảng ủy Sở Tài chính\n", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FilingMails_AreSignedByTheSendingOffice()
    {
        var submitted = NotificationTemplates.FilingSubmitted(NotificationSamples.Filing("a@example.vn"));
        var returned = NotificationTemplates.FilingReturned(NotificationSamples.FilingReturned("a@example.vn"));

        Assert.Equal(NotificationSamples.Office, submitted.FromName);
        Assert.Contains($"Trân trọng.\n{NotificationSamples.Office}\n", submitted.Text, StringComparison.Ordinal);
        Assert.Equal(NotificationSamples.UpperLevelOffice, returned.FromName);
        Assert.Contains($"Trân trọng.\n{NotificationSamples.UpperLevelOffice}\n", returned.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewOverdue_IsTheSystemsNotice_UnsignedUnderTheConfiguredName()
    {
        var mail = NotificationTemplates.ReviewOverdue(NotificationSamples.Overdue("a@example.vn", OverdueReviewAudience.Organisation));

        Assert.Null(mail.FromName);
        Assert.Contains("Trân trọng.\n\n--\n", mail.Text, StringComparison.Ordinal);
    }
}
