using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Links;

public sealed class LinkTokenServiceTests
{
    private readonly FakeTimeProvider _clock = new(LinkTestServices.Start);

    [Fact]
    public void Validate_TokenFromCreate_ReturnsValidWithSameClaims()
    {
        using var services = LinkTestServices.Build(_clock, "k1", new Dictionary<string, string> { ["k1"] = LinkTestServices.NewKey() });
        var tokens = services.GetRequiredService<LinkTokenService>();
        var claims = LinkTestServices.Claims(LinkTestServices.Start.AddDays(14));

        var token = tokens.Create(claims);
        var result = tokens.Validate(token, new LinkExpectation(LinkAction.Vote, claims.RegulationId, claims.RoundId, claims.ContentHash));

        Assert.Equal(LinkValidationStatus.Valid, result.Status);
        Assert.Equal(claims, result.Claims);
        Assert.Matches("^[A-Za-z0-9_.-]+$", token);
        Assert.True(token.Length < 300, $"Token is {token.Length} characters long.");
    }

    [Fact]
    public void Validate_TamperedPayload_ReturnsBadSignature()
    {
        using var services = LinkTestServices.Build(_clock, "k1", new Dictionary<string, string> { ["k1"] = LinkTestServices.NewKey() });
        var tokens = services.GetRequiredService<LinkTokenService>();
        var genuine = tokens.Create(LinkTestServices.Claims(LinkTestServices.Start.AddDays(14)));
        var forged = tokens.Create(LinkTestServices.Claims(LinkTestServices.Start.AddDays(14), LinkAction.FilingAcknowledgement));
        var parts = genuine.Split('.');
        var forgedPayload = forged.Split('.')[1];

        var result = tokens.Validate($"{parts[0]}.{forgedPayload}.{parts[2]}");

        Assert.NotEqual(parts[1], forgedPayload);
        Assert.Equal(LinkValidationStatus.BadSignature, result.Status);
        Assert.Null(result.Claims);
    }

    [Fact]
    public void Validate_FlippedCharacterInPayload_ReturnsBadSignatureOrMalformed()
    {
        using var services = LinkTestServices.Build(_clock, "k1", new Dictionary<string, string> { ["k1"] = LinkTestServices.NewKey() });
        var tokens = services.GetRequiredService<LinkTokenService>();
        var token = tokens.Create(LinkTestServices.Claims(LinkTestServices.Start.AddDays(14)));
        var payloadStart = token.IndexOf('.', StringComparison.Ordinal) + 1;

        var statuses = Enumerable.Range(payloadStart, token.LastIndexOf('.') - payloadStart)
            .Select(i => tokens.Validate(string.Concat(token.AsSpan(0, i), token[i] == 'A' ? "B" : "A", token.AsSpan(i + 1))).Status)
            .Distinct()
            .ToList();

        Assert.All(statuses, s => Assert.Contains(s, new[] { LinkValidationStatus.BadSignature, LinkValidationStatus.Malformed }));
        Assert.Contains(LinkValidationStatus.BadSignature, statuses);
    }

    [Fact]
    public void Validate_AfterExpiry_ReturnsExpired()
    {
        using var services = LinkTestServices.Build(_clock, "k1", new Dictionary<string, string> { ["k1"] = LinkTestServices.NewKey() });
        var tokens = services.GetRequiredService<LinkTokenService>();
        var token = tokens.Create(LinkTestServices.Claims(LinkTestServices.Start.AddHours(2)));
        var beforeExpiry = tokens.Validate(token).Status;

        _clock.Advance(TimeSpan.FromHours(2));
        var result = tokens.Validate(token);

        Assert.Equal(LinkValidationStatus.Valid, beforeExpiry);
        Assert.Equal(LinkValidationStatus.Expired, result.Status);
        Assert.Equal("member-07", result.Claims?.RecipientId);
    }

    [Fact]
    public void Validate_TokenSignedWithOldKeyStillConfigured_ReturnsValid()
    {
        var oldKey = LinkTestServices.NewKey();
        string token;
        using (var before = LinkTestServices.Build(_clock, "2026a", new Dictionary<string, string> { ["2026a"] = oldKey }))
        {
            token = before.GetRequiredService<LinkTokenService>().Create(LinkTestServices.Claims(LinkTestServices.Start.AddDays(14)));
        }

        using var after = LinkTestServices.Build(_clock, "2026b", new Dictionary<string, string> { ["2026a"] = oldKey, ["2026b"] = LinkTestServices.NewKey() });
        var tokens = after.GetRequiredService<LinkTokenService>();
        var result = tokens.Validate(token);
        var fresh = tokens.Create(LinkTestServices.Claims(LinkTestServices.Start.AddDays(14)));

        Assert.Equal(LinkValidationStatus.Valid, result.Status);
        Assert.StartsWith("2026a.", token, StringComparison.Ordinal);
        Assert.StartsWith("2026b.", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TokenSignedWithRemovedKey_ReturnsUnknownKey()
    {
        string token;
        using (var before = LinkTestServices.Build(_clock, "2026a", new Dictionary<string, string> { ["2026a"] = LinkTestServices.NewKey() }))
        {
            token = before.GetRequiredService<LinkTokenService>().Create(LinkTestServices.Claims(LinkTestServices.Start.AddDays(14)));
        }

        using var after = LinkTestServices.Build(_clock, "2026b", new Dictionary<string, string> { ["2026b"] = LinkTestServices.NewKey() });
        var result = after.GetRequiredService<LinkTokenService>().Validate(token);

        Assert.Equal(LinkValidationStatus.UnknownKey, result.Status);
        Assert.Null(result.Claims);
    }

    [Fact]
    public void Validate_SameKeyIdWithDifferentKey_ReturnsBadSignature()
    {
        string token;
        using (var before = LinkTestServices.Build(_clock, "k1", new Dictionary<string, string> { ["k1"] = LinkTestServices.NewKey() }))
        {
            token = before.GetRequiredService<LinkTokenService>().Create(LinkTestServices.Claims(LinkTestServices.Start.AddDays(14)));
        }

        using var after = LinkTestServices.Build(_clock, "k1", new Dictionary<string, string> { ["k1"] = LinkTestServices.NewKey() });
        var result = after.GetRequiredService<LinkTokenService>().Validate(token);

        Assert.Equal(LinkValidationStatus.BadSignature, result.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("k1..")]
    [InlineData(".payload.signature")]
    [InlineData("k1.payload.")]
    [InlineData("k1.a.b.c")]
    [InlineData("k1.!!!!.AAAA")]
    [InlineData("k1.AAAA.AAAA")]
    [InlineData("k1.A.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("k1 .AAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ķ1.AAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("k1.AAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("%00%ff")]
    public void Validate_MalformedString_ReturnsMalformed(string? token)
    {
        using var services = LinkTestServices.Build(_clock, "k1", new Dictionary<string, string> { ["k1"] = LinkTestServices.NewKey() });

        var result = services.GetRequiredService<LinkTokenService>().Validate(token);

        Assert.Equal(LinkValidationStatus.Malformed, result.Status);
        Assert.Null(result.Claims);
    }

    [Fact]
    public void Validate_VeryLongString_ReturnsMalformed()
    {
        using var services = LinkTestServices.Build(_clock, "k1", new Dictionary<string, string> { ["k1"] = LinkTestServices.NewKey() });

        var result = services.GetRequiredService<LinkTokenService>().Validate("k1." + new string('A', 100_000) + ".AAAA");

        Assert.Equal(LinkValidationStatus.Malformed, result.Status);
    }

    [Theory]
    [InlineData(LinkAction.Consultation, null, null)]
    [InlineData(null, "other-regulation", null)]
    [InlineData(null, null, "other-content-hash")]
    public void Validate_OtherContext_ReturnsContextMismatch(LinkAction? action, string? regulationId, string? contentHash)
    {
        using var services = LinkTestServices.Build(_clock, "k1", new Dictionary<string, string> { ["k1"] = LinkTestServices.NewKey() });
        var tokens = services.GetRequiredService<LinkTokenService>();
        var token = tokens.Create(LinkTestServices.Claims(LinkTestServices.Start.AddDays(14)));

        var result = tokens.Validate(token, new LinkExpectation(action, regulationId, ContentHash: contentHash));

        Assert.Equal(LinkValidationStatus.ContextMismatch, result.Status);
        Assert.NotNull(result.Claims);
    }

    [Fact]
    public void Create_EmptyRecipient_Throws()
    {
        using var services = LinkTestServices.Build(_clock, "k1", new Dictionary<string, string> { ["k1"] = LinkTestServices.NewKey() });
        var claims = LinkTestServices.Claims(LinkTestServices.Start.AddDays(1)) with { RecipientId = "" };

        var create = () => services.GetRequiredService<LinkTokenService>().Create(claims);

        Assert.Throws<ArgumentException>(create);
    }
}
