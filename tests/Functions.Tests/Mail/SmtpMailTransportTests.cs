using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
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
        Assert.Equal(mail.FromName ?? "Hệ thống quản lý quy chế làm việc", Assert.Single(received.From).Name);
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

    [Fact]
    public void CreateMessage_ReviewReminder_IsTextThenHtmlWithCalendarRequestBeside()
    {
        var mail = NotificationTemplates.ReviewReminder(NotificationSamples.ReviewReminder(NewAddress()));

        using var message = SmtpMailTransport.CreateMessage(mail, new MailRecipient("vanphong@quyche.example.vn", MailOptions.DefaultFromName));

        var mixed = Assert.IsType<Multipart>(message.Body, exactMatch: false);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(part => part.ContentType.MimeType));
        Assert.All(alternative.OfType<TextPart>(), part => Assert.Equal("utf-8", part.ContentType.Charset, ignoreCase: true));
        var calendar = Assert.IsType<MimePart>(mixed[1], exactMatch: false);
        Assert.Equal("text/calendar", calendar.ContentType.MimeType);
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Equal("ra-soat-dinh-ky.ics", calendar.FileName);
        Assert.True(calendar.IsAttachment);
    }

    [Fact]
    public void CreateMessage_VietnameseSubjectAndNames_EncodedAsAsciiWords()
    {
        var address = NewAddress();
        var mail = NotificationTemplates.VoteRequest(NotificationSamples.Vote(address));

        using var message = SmtpMailTransport.CreateMessage(mail, new MailRecipient("vanphong@quyche.example.vn", MailOptions.DefaultFromName));
        using var raw = new MemoryStream();
        var smtpFormat = FormatOptions.Default.Clone();
        smtpFormat.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(smtpFormat, raw, TestContext.Current.CancellationToken);
        var headers = Encoding.UTF8.GetString(raw.ToArray()).Split("\r\n\r\n")[0];

        Assert.All(headers, c => Assert.InRange(c, '\0', '\x7f'));
        Assert.Contains("Subject: =?utf-8?", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"{OutgoingMail.NotificationIdHeader}: {mail.NotificationId}\r\n", headers, StringComparison.Ordinal);
        Assert.Equal(mail.Subject, message.Subject);
        Assert.Equal(mail.To.Name, Assert.Single(message.To.Mailboxes).Name);
    }

    [Fact]
    public async Task SendAsync_NobodyListening_FailsTransientWithoutStatus()
    {
        using var services = MailTestServices.Smtp(FreePort.Next());
        var mail = NotificationTemplates.VoteRequest(NotificationSamples.Vote(NewAddress()));

        var failure = await Assert.ThrowsAsync<MailDeliveryFailedException>(() => services.Sender.SendAsync(mail, TestContext.Current.CancellationToken));

        Assert.True(failure.IsTransient);
        Assert.Null(failure.StatusCode);
        Assert.Equal(mail.NotificationId, failure.NotificationId);
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
