using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

using QuyCheWorkflow.Functions.OfficeConsole.Accounts;

namespace QuyCheWorkflow.Functions.OfficeConsole;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>
    /// The console's services: the account store, the sign-in links and mail, and the session cookie scheme
    /// (<see cref="ConsoleAuthentication"/>) with its policy. Call after <c>AddQuyCheWorkflowAuthentication</c>, which
    /// sets the default scheme (the API's); this adds a scheme without changing the default.
    /// </summary>
    public static IServiceCollection AddQuyCheWorkflowConsole(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AccountStore>();
        services.TryAddSingleton<SignInLinks>();
        services.TryAddSingleton<ConsoleSignIn>();
        services.TryAddSingleton<AccountAdministration>();

        var authentication = services.AddAuthentication();
        authentication.AddConsoleEntra(configuration);
        authentication.AddCookie(ConsoleAuthentication.Scheme, options =>
        {
            options.Cookie.Name = ConsoleAuthentication.CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = ConsolePaths.Root;
            options.Cookie.IsEssential = true;
            options.ExpireTimeSpan = ConsoleAuthentication.IdleLifetime;
            options.SlidingExpiration = true;
            options.LoginPath = ConsolePaths.SignIn;
            options.LogoutPath = ConsolePaths.SignOut;
            options.ReturnUrlParameter = ConsoleReturnUrl.Parameter;
            options.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = ConsoleAuthentication.ValidatePrincipalAsync,

                // A signed-in person on a page their role does not open gets the readable 403 page, not a redirect.
                OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
            };
        });

        // Secure whenever people reach the app over HTTPS (Links:BaseUrl, the address in every mailed link); only an
        // app whose public address is plain http (a developer's machine, the tests on 127.0.0.1) follows the request.
        // Behind the Functions host the app itself is reached over loopback http, so the request cannot decide.
        services.AddOptions<CookieAuthenticationOptions>(ConsoleAuthentication.Scheme)
            .Configure<IOptions<Links.LinkOptions>>((options, links) => options.Cookie.SecurePolicy =
                links.Value.BaseUrl is { } baseUrl && baseUrl.Scheme == Uri.UriSchemeHttp
                    ? CookieSecurePolicy.SameAsRequest
                    : CookieSecurePolicy.Always);

        services.AddAuthorizationBuilder().AddPolicy(ConsoleAuthentication.Policy, policy => policy
            .AddAuthenticationSchemes(ConsoleAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ConsoleUser.AccountIdClaim));
        return services;
    }
}
