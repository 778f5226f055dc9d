using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>How the console names the roles.</summary>
public static class AccountRoles
{
    public static string Label(ApiRole role) => role switch
    {
        ApiRole.Office => "Văn phòng cấp ủy",
        ApiRole.UpperLevelOffice => "Văn phòng cấp ủy cấp trên",
        ApiRole.Administrator => "Quản trị hệ thống",
        _ => role.ToString(),
    };
}
