using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Mail.Templates;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Mail;

public sealed class SendGridMailTransportTests
{
    private const string Recipient = "bithu@quyche.example.vn";

    private const string BadRequestBody =
        """{"errors":[{"message":"The from email does not contain a valid address.","field":"from.email","help":"http://sendgrid.com/docs"},{"message":"invalid request","field":null}],"id":"abc"}""";

    [Fact]
    public async Task SendAsync_ReviewReminder_PostsSchemaShapedPayloadWithBearerKey()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        using var services = MailTestServices.SendGrid(sendGrid.Endpoint);
        var mail = NotificationTemplates.ReviewReminder(NotificationSamples.ReviewReminder(Recipient));

        await services.Sender.SendAsync(mail, TestContext.Current.CancellationToken);

        var request = Assert.Single(sendGrid.Requests);
        Assert.Empty(request.SchemaErrors);
        Assert.Equal("Bearer " + MailTestServices.SendGridApiKey, request.Authorization);
        Assert.Equal("application/json", MediaTypeHeaderValue.Parse(request.ContentType!).MediaType);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        var personalization = Assert.Single(root.GetProperty("personalizations").EnumerateArray());
        var to = Assert.Single(personalization.GetProperty("to").EnumerateArray());
        Assert.Equal(Recipient, to.GetProperty("email").GetString());
        Assert.Equal("Nguyễn Thị Hồng Nhung", to.GetProperty("name").GetString());
        Assert.Equal(mail.NotificationId, personalization.GetProperty("custom_args").GetProperty("notification_id").GetString());
        Assert.Equal("vanphong@quyche.example.vn", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal(NotificationSamples.Office, root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(mail.Subject, root.GetProperty("subject").GetString());
        var content = root.GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["text/plain", "text/html"], content.Select(c => c.GetProperty("type").GetString()));
        Assert.Equal([mail.Text, mail.Html], content.Select(c => c.GetProperty("value").GetString()));
        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        var ics = Encoding.UTF8.GetString(Convert.FromBase64String(attachment.GetProperty("content").GetString()!));
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Equal(mail.Attachments[0].Content.ToArray(), Convert.FromBase64String(attachment.GetProperty("content").GetString()!));
        Assert.Equal("ra-soat-dinh-ky.ics", attachment.GetProperty("filename").GetString());
        Assert.StartsWith("text/calendar", attachment.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal("attachment", attachment.GetProperty("disposition").GetString());
        Assert.Equal(mail.NotificationId, root.GetProperty("headers").GetProperty("X-QuyChe-Notification-Id").GetString());
        Assert.InRange(root.GetProperty("categories").GetArrayLength(), 1, 10);
    }

    public static TheoryData<string> Kinds => NotificationSamples.KindNames();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SendAsync_EachNotificationKind_PayloadValidatesAgainstSendGridSchema(string kind)
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        using var services = MailTestServices.SendGrid(sendGrid.Endpoint);
        var mail = NotificationSamples.Kind(kind)(Recipient);

        await services.Sender.SendAsync(mail, TestContext.Current.CancellationToken);

        Assert.Empty(Assert.Single(sendGrid.Requests).SchemaErrors);
    }

    [Fact]
    public async Task FakeSendGrid_PayloadBreakingSchema_IsRefusedWithTheViolations()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        using var client = new HttpClient { BaseAddress = sendGrid.Endpoint };
        using var content = new StringContent(
            """{ "personalizations": [ { "to": [ { "name": "no address" } ] } ], "categories": ["a", "a"] }""",
            Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("v3/mail/send", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(400, (int)response.StatusCode);
        var errors = Assert.Single(sendGrid.Requests).SchemaErrors;
        Assert.Contains(errors, e => e.Contains("from", StringComparison.Ordinal) && e.Contains("PropertyRequired", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("email", StringComparison.Ordinal) && e.Contains("PropertyRequired", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("categories", StringComparison.Ordinal) && e.Contains("ItemsNotUnique", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_NamesWithCommaAndSemicolon_SentWithoutThem()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        using var services = MailTestServices.SendGrid(sendGrid.Endpoint, new Dictionary<string, string?> { ["Mail:FromName"] = "Văn phòng; Đảng ủy, Khối" });
        var mail = NotificationTemplates.VoteRequest(NotificationSamples.Vote(Recipient)) with
        {
            To = new MailRecipient(Recipient, "Nguyễn Văn A, Bí thư; Chi bộ 3"),
            FromName = "Văn phòng; Đảng ủy, Khối",
        };

        await services.Sender.SendAsync(mail, TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(Assert.Single(sendGrid.Requests).Body);
        var to = json.RootElement.GetProperty("personalizations")[0].GetProperty("to")[0];
        Assert.Equal("Nguyễn Văn A  Bí thư  Chi bộ 3", to.GetProperty("name").GetString());
        Assert.Equal("Văn phòng  Đảng ủy  Khối", json.RootElement.GetProperty("from").GetProperty("name").GetString());
    }

    [Fact]
    public async Task SendAsync_ElevenCategories_RefusedWithoutSending()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        using var services = MailTestServices.SendGrid(sendGrid.Endpoint);
        var mail = NotificationTemplates.VoteRequest(NotificationSamples.Vote(Recipient)) with
        {
            Categories = Enumerable.Range(1, 11).Select(i => $"loai-{i}").ToList(),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => services.Sender.SendAsync(mail, TestContext.Current.CancellationToken));

        Assert.Empty(sendGrid.Requests);
    }

    [Fact]
    public async Task SendAsync_RepeatedCategories_SentOnce()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        using var services = MailTestServices.SendGrid(sendGrid.Endpoint);
        var mail = NotificationTemplates.VoteRequest(NotificationSamples.Vote(Recipient)) with { Categories = ["bieu-quyet", "bieu-quyet", "nhac-nho"] };

        await services.Sender.SendAsync(mail, TestContext.Current.CancellationToken);

        var request = Assert.Single(sendGrid.Requests);
        Assert.Empty(request.SchemaErrors);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(["bieu-quyet", "nhac-nho"], json.RootElement.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task SendAsync_AttemptTimesOutThenAccepted_RetriesTheSameMail()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync(SendGridReply.NoAnswer);
        using var services = MailTestServices.SendGrid(sendGrid.Endpoint, new Dictionary<string, string?> { ["Mail:SendGrid:RequestTimeout"] = "00:00:01" });
        var mail = NotificationTemplates.VoteRequest(NotificationSamples.Vote(Recipient));

        await services.Sender.SendAsync(mail, TestContext.Current.CancellationToken);

        Assert.True(sendGrid.Requests.Count >= 2);
        Assert.All(sendGrid.Requests, r => Assert.Equal(sendGrid.Requests[0].Body, r.Body));
        Assert.Contains(services.Logs.Messages, m => m.Contains("retrying", StringComparison.Ordinal) && m.Contains("TimeoutRejectedException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_TooManyRequestsThenAccepted_RetriesAndDeliversOnce()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync(new SendGridReply(429, RetryAfter: "1"));
        using var services = MailTestServices.SendGrid(sendGrid.Endpoint);
        var mail = NotificationTemplates.VoteRequest(NotificationSamples.Vote(Recipient));

        await services.Sender.SendAsync(mail, TestContext.Current.CancellationToken);

        Assert.Equal(2, sendGrid.Requests.Count);
        Assert.Equal(sendGrid.Requests[0].Body, sendGrid.Requests[1].Body);
        Assert.Contains(services.Logs.Messages, m => m.Contains("status 429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_ServiceUnavailableEveryTime_RetriesThenFailsTransient()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync(Enumerable.Repeat(new SendGridReply(503), 10).ToArray());
        using var services = MailTestServices.SendGrid(sendGrid.Endpoint);
        var mail = NotificationTemplates.VoteRequest(NotificationSamples.Vote(Recipient));

        var failure = await Assert.ThrowsAsync<MailDeliveryFailedException>(
            () => services.Sender.SendAsync(mail, TestContext.Current.CancellationToken));

        Assert.Equal(4, sendGrid.Requests.Count);
        Assert.Equal(503, failure.StatusCode);
        Assert.True(failure.IsTransient);
        Assert.Equal(mail.NotificationId, failure.NotificationId);
    }

    [Fact]
    public async Task SendAsync_BadRequest_FailsAtOnceWithSendGridMessages()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync(new SendGridReply(400, BadRequestBody));
        using var services = MailTestServices.SendGrid(sendGrid.Endpoint);
        var mail = NotificationTemplates.VoteRequest(NotificationSamples.Vote(Recipient));

        var failure = await Assert.ThrowsAsync<MailDeliveryFailedException>(
            () => services.Sender.SendAsync(mail, TestContext.Current.CancellationToken));

        Assert.Single(sendGrid.Requests);
        Assert.Equal(400, failure.StatusCode);
        Assert.False(failure.IsTransient);
        Assert.Equal(mail.NotificationId, failure.NotificationId);
        Assert.Equal(["The from email does not contain a valid address. (field: from.email)", "invalid request"], failure.Errors);
    }

    [Fact]
    public async Task SendAsync_NobodyListening_RetriesThenFailsTransientWithoutStatus()
    {
        using var services = MailTestServices.SendGrid(new Uri($"http://127.0.0.1:{FreePort.Next()}"));
        var mail = NotificationTemplates.VoteRequest(NotificationSamples.Vote(Recipient));

        var failure = await Assert.ThrowsAsync<MailDeliveryFailedException>(
            () => services.Sender.SendAsync(mail, TestContext.Current.CancellationToken));

        Assert.Null(failure.StatusCode);
        Assert.True(failure.IsTransient);
        Assert.Equal(3, services.Logs.Messages.Count(m => m.Contains("retrying", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SendAsync_AnyOutcome_NeverLogsApiKeyOrBody()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync(new SendGridReply(429, RetryAfter: "1"), new SendGridReply(400, BadRequestBody));
        using var services = MailTestServices.SendGrid(sendGrid.Endpoint);
        var mail = NotificationTemplates.ConsultationInvitation(NotificationSamples.Consultation(Recipient));

        await Assert.ThrowsAsync<MailDeliveryFailedException>(() => services.Sender.SendAsync(mail, TestContext.Current.CancellationToken));

        Assert.NotEmpty(services.Logs.Messages);
        Assert.DoesNotContain(services.Logs.Messages, m => m.Contains(MailTestServices.SendGridApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(services.Logs.Messages, m => m.Contains(NotificationSamples.Link.AbsoluteUri, StringComparison.Ordinal));
        Assert.DoesNotContain(services.Logs.Messages, m => m.Contains("đề nghị đồng chí góp ý", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(5, 60, 5)]
    [InlineData(120, 60, 60)]
    public void RetryAfterDelay_DeltaSeconds_HonouredUpToCap(int retryAfterSeconds, int capSeconds, int expectedSeconds)
    {
        var header = new RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds));

        var delay = SendGridResilience.RetryAfterDelay(header, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(capSeconds));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public void RetryAfterDelay_HttpDate_MeasuredFromNow()
    {
        var now = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
        var header = new RetryConditionHeaderValue(now.AddSeconds(7));

        var delay = SendGridResilience.RetryAfterDelay(header, now, TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromSeconds(7), delay);
    }

    [Fact]
    public void RetryAfterDelay_Missing_LeavesBackOff()
    {
        var delay = SendGridResilience.RetryAfterDelay(null, DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1));

        Assert.Null(delay);
    }
}
