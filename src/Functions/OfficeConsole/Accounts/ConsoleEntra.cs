using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using QuyCheWorkflow.Functions.Hosting;

namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>
/// Signing in to the console with a Microsoft (Entra ID) account, when <c>Auth:Entra:Authority</c> and
/// <c>Auth:Entra:ClientId</c> are set: an OpenID Connect round trip (<see cref="Scheme"/>) whose validated token names
/// an e-mail address (<c>email</c>, else <c>preferred_username</c>); the account with that address, if it is not
/// disabled, is signed in with the console's own cookie, so the session is the same as after an e-mailed link. No
/// account: the person lands on a readable refusal (<see cref="RefusedPath"/>).
/// </summary>
public static class ConsoleEntra
{
    public const string Scheme = "ConsoleEntra";

    /// <summary>Where Entra ID sends the person back (to register as a redirect URI: {Links:BaseUrl} + this).</summary>
    public const string CallbackPath = ConsolePaths.SignInMicrosoft + "/xong";

    /// <summary>The page saying the Microsoft account has no console account.</summary>
    public const string RefusedPath = ConsolePaths.SignInMicrosoft + "/khong-co-tai-khoan";

    /// <summary>True when <c>Auth:Entra:Authority</c> and <c>Auth:Entra:ClientId</c> are set.</summary>
    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrEmpty(configuration[AppSettings.AuthEntraAuthority]) && !string.IsNullOrEmpty(configuration[AppSettings.AuthEntraClientId]);
    }

    public static bool IsEnabled(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return IsEnabled(services.GetRequiredService<IConfiguration>());
    }

    /// <summary>Adds the OpenID Connect scheme when enabled; otherwise nothing.</summary>
    public static AuthenticationBuilder AddConsoleEntra(this AuthenticationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsEnabled(configuration))
        {
            return builder;
        }

        var secret = configuration[AppSettings.AuthEntraClientSecret];
        return builder.AddOpenIdConnect(Scheme, "Microsoft", options =>
        {
            options.Authority = configuration[AppSettings.AuthEntraAuthority];
            options.ClientId = configuration[AppSettings.AuthEntraClientId];
            options.CallbackPath = CallbackPath;
            options.SignInScheme = ConsoleAuthentication.Scheme;
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            options.Scope.Add("email");
            if (string.IsNullOrEmpty(secret))
            {
                // No secret: the id token alone, posted back to the callback.
                options.ResponseType = OpenIdConnectResponseType.IdToken;
                options.ResponseMode = OpenIdConnectResponseMode.FormPost;
            }
            else
            {
                options.ClientSecret = secret;
                options.ResponseType = OpenIdConnectResponseType.Code;
            }

            options.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = SignInAccountAsync,
                OnRemoteFailure = context =>
                {
                    context.HandleResponse();
                    context.Response.Redirect(RefusedPath + "?loi=1");
                    return Task.CompletedTask;
                },
            };
        });
    }

    /// <summary>Swaps the Microsoft principal for the console's, or refuses when no usable account has the address.</summary>
    private static async Task SignInAccountAsync(TokenValidatedContext context)
    {
        var email = context.Principal?.FindFirst(JwtRegisteredClaimNames.Email)?.Value
            ?? context.Principal?.FindFirst("preferred_username")?.Value;
        var store = context.HttpContext.RequestServices.GetRequiredService<AccountStore>();
        var account = email is null ? null : (await store.FindByEmailAsync(email, context.HttpContext.RequestAborted))?.Value;
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<ConsoleSignIn>>();
        if (account is not { IsDisabled: false })
        {
            Log.SignInLinkNotSent(logger);
            context.HandleResponse();
            context.Response.Redirect(RefusedPath);
            return;
        }

        context.Principal = ConsoleAuthentication.PrincipalFor(account);
        Log.ConsoleSignedIn(logger, account.Id, "entra");
    }
}
