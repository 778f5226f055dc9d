using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Health;

public sealed class HealthApiTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task GetHealth_EverythingReachable_Returns200WithEachCheckOk()
    {
        await using var app = await TestApp.StartAsync(Settings(azurite.ConnectionString, maildev.Maildev.SmtpPort));
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        foreach (var name in new[] { "blob", "queue", "table", "smtp" })
        {
            var check = body.RootElement.GetProperty("checks").GetProperty(name);
            Assert.Equal("ok", check.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(check.GetProperty("reason").GetString()));
            Assert.True(check.GetProperty("latencyMs").GetDouble() >= 0);
        }
    }

    [Fact]
    public async Task GetHealth_StorageAndSmtpDown_Returns503NamingEachFailure()
    {
        var closedPort = FreePort.Next();
        var unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AzuriteInstance.AccountKey +
            $";BlobEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;";
        await using var app = await TestApp.StartAsync(Settings(unreachable, closedPort));
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("error", body.RootElement.GetProperty("status").GetString());
        foreach (var name in new[] { "blob", "queue", "table", "smtp" })
        {
            Assert.Equal("error", body.RootElement.GetProperty("checks").GetProperty(name).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task GetHealth_NoSmtpConfigured_SkipsSmtpAndStays200()
    {
        var settings = Settings(azurite.ConnectionString, smtpPort: null);
        await using var app = await TestApp.StartAsync(settings);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("skipped", body.RootElement.GetProperty("checks").GetProperty("smtp").GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetHealth_ThroughProgram_IsServedByTheRealEntryPoint()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            var settings = Settings(azurite.ConnectionString, maildev.Maildev.SmtpPort);
            foreach (var (key, value) in TestApp.Defaults.Where(d => d.Key != AppSettings.Url && !settings.ContainsKey(d.Key)).Concat(settings))
            {
                builder.UseSetting(key, value);
            }
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Dictionary<string, string?> Settings(string storageConnectionString, int? smtpPort) => new()
    {
        [AppSettings.StorageConnectionString] = storageConnectionString,
        [AppSettings.MailTransport] = smtpPort is null ? "SendGrid" : "Smtp",
        [AppSettings.MailSendGridApiKey] = smtpPort is null ? "SG.test-key" : null,
        [AppSettings.MailSmtpHost] = smtpPort is null ? null : "127.0.0.1",
        [AppSettings.MailSmtpPort] = smtpPort?.ToString(CultureInfo.InvariantCulture),
        [AppSettings.DurableTaskHubName] = "health",
        [AppSettings.EmbeddedDrivers] = "false",
    };
}
