using System.Security.Claims;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>The authenticated caller of the office API as the audit log records it.</summary>
internal static class OfficeCaller
{
    public static Actor ActorOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        var id = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "api";
        var organisation = user.GetOrganisationId();
        var display = user.GetApiRole() switch
        {
            ApiRole.Office => $"Văn phòng cấp ủy {organisation}",
            ApiRole.UpperLevelOffice => $"Văn phòng cấp ủy cấp trên {organisation}",
            _ => "Quản trị hệ thống",
        };
        var ip = context.Connection.RemoteIpAddress?.ToString();
        return new Actor(id, display, ip is null ? "api" : "api " + ip);
    }
}
