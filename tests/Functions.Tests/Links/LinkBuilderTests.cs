using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Links;

public sealed class LinkBuilderTests
{
    private readonly FakeTimeProvider _clock = new(LinkTestServices.Start);

    [Theory]
    [InlineData("http://127.0.0.1:7071")]
    [InlineData("https://quyche.example.vn/app/")]
    public void Create_DefaultLifetime_ComposesBaseUrlAndValidToken(string baseUrl)
    {
        using var services = LinkTestServices.Build(_clock, "k1", new Dictionary<string, string> { ["k1"] = LinkTestServices.NewKey() }, baseUrl);
        var builder = services.GetRequiredService<LinkBuilder>();

        var link = builder.Create("reg-1", "round-1", "member-1", LinkAction.Consultation, "hash");
        var prefix = baseUrl.TrimEnd('/') + "/l/";
        var result = services.GetRequiredService<LinkTokenService>().Validate(link.AbsoluteUri[prefix.Length..]);

        Assert.StartsWith(prefix, link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(LinkValidationStatus.Valid, result.Status);
        Assert.NotNull(result.Claims);
        Assert.Equal(LinkTestServices.Start.AddDays(14), result.Claims.ExpiresAt);
        Assert.Equal(LinkAction.Consultation, result.Claims.Action);
    }

    [Fact]
    public void Options_ActiveKeyMissingAndShortKey_FailsWithClearMessages()
    {
        using var services = LinkTestServices.Build(_clock, "missing", new Dictionary<string, string> { ["k1"] = Convert.ToBase64String(new byte[16]) });

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LinkOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.Contains("Links:ActiveKeyId 'missing'", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("Links:Keys:k1 must be base64 of at least 32 bytes", StringComparison.Ordinal));
    }
}
