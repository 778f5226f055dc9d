using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Tests.Mail;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Web;

/// <summary>A client's fault is logged briefly at information level; no error entry, no stack trace.</summary>
public sealed class ClientErrorLoggingTests(AzuriteFixture azurite)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MalformedJson_IsLoggedAsInformationWithoutError()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await TestApp.StartAsync(
            new Dictionary<string, string?> { [AppSettings.StorageConnectionString] = azurite.ConnectionString, [AppSettings.EmbeddedDrivers] = "false" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        var key = await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiRole.UpperLevelOffice, "tu-" + Guid.NewGuid().ToString("N")[..8], null, Token);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", key.Key);

        using var response = await client.PostAsync("/api/organisations",
            new StringContent("{\"id\": \"du-x\",", Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("   at ", StringComparison.Ordinal) && e.Level >= LogLevel.Warning);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Request POST /api/organisations refused with 400", StringComparison.Ordinal));
    }
}
