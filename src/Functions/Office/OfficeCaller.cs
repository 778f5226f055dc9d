using System.Security.Claims;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>The authenticated caller of the office API as the audit log (and so the timeline) records it.</summary>
internal static class OfficeCaller
{
    /// <summary>Shown for an office whose organisation cannot be read.</summary>
    public const string UnknownOffice = "Văn phòng cấp ủy";

    public const string Administrator = "Quản trị hệ thống";

    /// <summary>
    /// The caller, shown by name: an office key as its organisation's office ("Văn phòng Đảng ủy Sở Tài chính"), or,
    /// when the organisation cannot be read, as <see cref="UnknownOffice"/>; an administrator as <see cref="Administrator"/>.
    /// Never an internal id. A person signed in to the console is the person: their account id and full name, from
    /// "console {ip}".
    /// </summary>
    public static async Task<Actor> ActorOfAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (ConsoleAuthentication.IsConsoleSession(user) && ConsoleUser.From(user) is { } person)
        {
            var from = context.Connection.RemoteIpAddress?.ToString();
            return new Actor(person.AccountId, person.FullName, from is null ? "console" : "console " + from);
        }

        var id = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "api";
        var display = user.GetApiRole() is ApiRole.Office or ApiRole.UpperLevelOffice
            ? await OfficeNameAsync(context, user.GetOrganisationId(), cancellationToken)
            : Administrator;
        var ip = context.Connection.RemoteIpAddress?.ToString();
        return new Actor(id, display, ip is null ? "api" : "api " + ip);
    }

    private static async Task<string> OfficeNameAsync(HttpContext context, string? organisationId, CancellationToken cancellationToken)
    {
        if (organisationId is null || !IdSyntax.IsValid(organisationId))
        {
            return UnknownOffice;
        }

        var store = context.RequestServices.GetRequiredService<OrganisationStore>();
        return (await store.GetAsync(organisationId, cancellationToken))?.Value.OfficeName ?? UnknownOffice;
    }
}
