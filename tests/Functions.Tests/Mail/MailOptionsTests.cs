using Microsoft.Extensions.Options;
using QuyCheWorkflow.Functions.Mail;

namespace QuyCheWorkflow.Functions.Tests.Mail;

public sealed class MailOptionsTests
{
    [Fact]
    public void Validate_SendGridWithoutApiKey_FailsNamingTheKey()
    {
        using var services = MailTestServices.SendGrid(new Uri("http://127.0.0.1:1"), new Dictionary<string, string?> { ["Mail:SendGrid:ApiKey"] = "" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.Get<IOptions<MailOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.StartsWith("Mail:SendGrid:ApiKey is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SmtpWithoutHostAndBadSender_ListsEveryProblem()
    {
        using var services = MailTestServices.Smtp(25, new Dictionary<string, string?> { ["Mail:Smtp:Host"] = "", ["Mail:FromAddress"] = "not an address" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.Get<IOptions<MailOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.StartsWith("Mail:Smtp:Host is required", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Mail:FromAddress must be", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Smtp", typeof(SmtpMailTransport))]
    [InlineData("SendGrid", typeof(SendGridMailTransport))]
    public void Transport_ByConfiguration_IsChosen(string transport, Type expected)
    {
        using var services = MailTestServices.SendGrid(new Uri("http://127.0.0.1:1"), new Dictionary<string, string?>
        {
            ["Mail:Transport"] = transport,
            ["Mail:Smtp:Host"] = "127.0.0.1",
        });

        var chosen = services.Get<IMailTransport>();

        Assert.IsType(expected, chosen);
        Assert.Equal(MailOptions.DefaultFromName, services.Get<IOptions<MailOptions>>().Value.FromName);
    }
}
