using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>
/// Signs a request in as a console person named in its <see cref="Header"/>, before the app's own authentication
/// runs (which leaves a request without credentials as it is): the organisation and upper-level pages read only the
/// principal, so their rules are tested without the e-mailed sign-in.
/// </summary>
internal sealed class TestConsoleSession : IStartupFilter
{
    public const string Header = "X-Test-Console-Person";

    /// <summary>The header's value for a person: account id, full name, e-mail, organisation and role.</summary>
    public static string ValueFor(ConsoleUser user) =>
        string.Join(';', new[] { user.AccountId, user.FullName, user.Email, user.OrganisationId, user.Role.ToString() }.Select(Uri.EscapeDataString));

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers[Header].ToString() is { Length: > 0 } value)
            {
                var parts = value.Split(';').Select(Uri.UnescapeDataString).ToArray();
                context.User = new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(ConsoleUser.AccountIdClaim, parts[0]),
                    new Claim(ClaimTypes.NameIdentifier, parts[0]),
                    new Claim(ClaimTypes.Name, parts[1]),
                    new Claim(ClaimTypes.Email, parts[2]),
                    new Claim(QuyCheWorkflowClaimTypes.Organisation, parts[3]),
                    new Claim(QuyCheWorkflowClaimTypes.Role, parts[4]),
                ], "TestConsole"));
            }

            return following(context);
        });
        next(app);
    };
}
