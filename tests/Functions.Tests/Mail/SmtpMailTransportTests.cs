using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Mail.Templates;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Mail;

/// <summary>Sends through the real maildev and reads the messages back through its web API.</summary>
public sealed partial class SmtpMailTransportTests(MaildevFixture maildev) : IDisposable
{
    private readonly MailTestServices _services = MailTestServices.Smtp(maildev.Maildev.SmtpPort);
    private readonly HttpClient _maildevApi = new() { BaseAddress = maildev.Maildev.WebEndpoint };

    public static TheoryData<string> Kinds => NotificationSamples.KindNames();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SendAsync_EachNotificationKind_ArrivesWithDiacriticsAndBothParts(string kind)
    {
        var address = NewAddress();
        var mail = NotificationSamples.Kind(kind)(address);

        await _services.Sender.SendAsync(mail, TestContext.Current.CancellationToken);
        var received = await maildev.Maildev.WaitForEmailAsync(address, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(mail.Subject, received.Subject);
        Assert.Contains(NotificationSamples.ExpectedSentence(kind), received.Text, StringComparison.Ordinal);
        Assert.Contains(NotificationSamples.Organisation, received.Text, StringComparison.Ordinal);
        Assert.Contains(NotificationSamples.Organisation, received.Html, StringComparison.Ordinal);
        Assert.Contains("<h1", received.Html, StringComparison.Ordinal);
        Assert.Equal(mail.NotificationId, received.Headers?["x-quyche-notification-id"].ToString());
        Assert.Equal("Văn phòng cấp ủy — QuyCheWorkflow", Assert.Single(received.From).Name);
        Assert.Equal(mail.To.Name, Assert.Single(received.To).Name);
    }

    [Fact]
    public async Task SendAsync_ReviewReminder_CarriesCalendarInvitation()
    {
        var address = NewAddress();
        var mail = NotificationTemplates.ReviewReminder(NotificationSamples.ReviewReminder(address, daysBefore: 3));

        await _services.Sender.SendAsync(mail, TestContext.Current.CancellationToken);
        var received = await maildev.Maildev.WaitForEmailAsync(address, cancellationToken: TestContext.Current.CancellationToken);
        var attachment = Assert.Single(received.Attachments ?? []);
        var bytes = await _maildevApi.GetByteArrayAsync(
            $"api/email/{received.Id}/attachment/{Uri.EscapeDataString(attachment.GeneratedFileName ?? attachment.FileName!)}",
            TestContext.Current.CancellationToken);
        var ics = Encoding.UTF8.GetString(bytes);
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);

        Assert.StartsWith("text/calendar", attachment.ContentType, StringComparison.Ordinal);
        Assert.Equal("ra-soat-dinh-ky.ics", attachment.FileName);
        Assert.Equal(mail.Attachments[0].Content.ToArray(), bytes);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", ics);
        Assert.All(ics.Split("\r\n"), line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 75));
        Assert.Contains("\r\nMETHOD:REQUEST\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART;TZID=Asia/Ho_Chi_Minh:20270601T080000\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND;TZID=Asia/Ho_Chi_Minh:20270601T100000\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nTZOFFSETTO:+0700\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nUID:review-rev-2027-1@quycheworkflow\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains($"\r\nSUMMARY:Rà soát định kỳ {NotificationSamples.Title} (05-QC/ĐUK) — {NotificationSamples.Organisation}\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nLOCATION:Phòng họp tầng 3\\, trụ sở Đảng ủy Khối\\; số 12 đường Trần Hưng Đạo\\, TP. Huế\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains($"mailto:{address}", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_PersonalLink_RoundTripsExactlyInHtmlAndText()
    {
        var address = NewAddress();
        var mail = NotificationTemplates.VoteRequest(NotificationSamples.Vote(address));

        await _services.Sender.SendAsync(mail, TestContext.Current.CancellationToken);
        var received = await maildev.Maildev.WaitForEmailAsync(address, cancellationToken: TestContext.Current.CancellationToken);
        var hrefs = HrefPattern().Matches(received.Html ?? "").Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value)).ToList();

        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.Equal(NotificationSamples.Link.AbsoluteUri, href));
        Assert.Contains("&amp;x=1", received.Html, StringComparison.Ordinal);
        Assert.Contains(NotificationSamples.Link.AbsoluteUri, received.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TitleWithScript_ArrivesEscaped()
    {
        var address = NewAddress();
        var notice = NotificationSamples.Consultation(address) with { RegulationTitle = "Quy chế <script>alert('x')</script> & \"mẫu\"" };
        var mail = NotificationTemplates.ConsultationInvitation(notice);

        await _services.Sender.SendAsync(mail, TestContext.Current.CancellationToken);
        var received = await maildev.Maildev.WaitForEmailAsync(address, cancellationToken: TestContext.Current.CancellationToken);

        Assert.DoesNotContain("<script", received.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Quy chế &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;mẫu&quot;", received.Html, StringComparison.Ordinal);
        Assert.Contains("Quy chế <script>alert('x')</script> & \"mẫu\"", received.Text, StringComparison.Ordinal);
        Assert.Contains("<script>", received.Subject, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _services.Dispose();
        _maildevApi.Dispose();
    }

    private static string NewAddress() => $"ubtv-{Guid.NewGuid():N}@quyche.example.vn";

    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\"")]
    private static partial Regex HrefPattern();
}
