using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>
/// The Microsoft sign-in's wiring. A real Entra ID round trip cannot run here (no network, no tenant): these tests
/// check that the button and the scheme exist only when configured, and that the challenge sends the browser to the
/// configured authority's authorization endpoint with the app's client id and callback. The discovery document is
/// given to the handler (a static configuration manager) instead of fetched.
/// </summary>
public sealed class ConsoleEntraTests(AzuriteFixture azurite, MaildevFixture maildev, ConsoleHostFixture unconfigured) : IClassFixture<ConsoleHostFixture>
{
    private const string Authority = "https://login.microsoftonline.com/to-chuc-thu/v2.0";
    private const string AuthorizationEndpoint = "https://login.microsoftonline.com/to-chuc-thu/oauth2/v2.0/authorize";
    private const string ClientId = "ung-dung-van-phong";

    [Fact]
    public async Task NotConfigured_NoButtonAndNoChallenge()
    {
        using var client = ConsoleSessions.CreateClient(unconfigured.Host.BaseAddress);

        using var page = await client.GetAsync(ConsolePaths.SignIn, TestContext.Current.CancellationToken);
        using var challenge = await client.PostFormAsync(ConsolePaths.SignIn, [], ConsolePaths.SignInMicrosoft, TestContext.Current.CancellationToken);

        Assert.DoesNotContain("Đăng nhập bằng tài khoản Microsoft", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
    }

    [Fact]
    public async Task Configured_ButtonShownAndChallengeGoesToTheAuthority()
    {
        await using var host = await ConsoleTestHost.StartAsync(
            azurite, maildev,
            new Dictionary<string, string?> { [AppSettings.AuthEntraAuthority] = Authority, [AppSettings.AuthEntraClientId] = ClientId },
            services => services.PostConfigure<OpenIdConnectOptions>(ConsoleEntra.Scheme, options =>
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(new OpenIdConnectConfiguration
                {
                    Issuer = Authority,
                    AuthorizationEndpoint = AuthorizationEndpoint,
                })),
            TestContext.Current.CancellationToken);
        using var client = ConsoleSessions.CreateClient(host.BaseAddress);

        using var page = await client.GetAsync(ConsolePaths.SignIn, TestContext.Current.CancellationToken);
        using var challenge = await client.PostFormAsync(
            ConsolePaths.SignIn, [new(ConsoleReturnUrl.Parameter, ConsolePaths.Accounts)], ConsolePaths.SignInMicrosoft, TestContext.Current.CancellationToken);
        using var refused = await client.GetAsync(ConsoleEntra.RefusedPath, TestContext.Current.CancellationToken);

        Assert.Contains("Đăng nhập bằng tài khoản Microsoft", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!.AbsoluteUri;
        Assert.StartsWith(AuthorizationEndpoint + "?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=" + ClientId, location, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString(host.BaseAddress.GetLeftPart(UriPartial.Authority) + ConsoleEntra.CallbackPath), location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Tài khoản Microsoft chưa được đăng ký", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

