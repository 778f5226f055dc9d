using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.OfficeConsole.Organisations;

/// <summary>The Vietnamese names of committee roles, as the console shows and the forms offer them.</summary>
public static class CommitteeRoleText
{
    public static string Label(CommitteeRole role) => role switch
    {
        CommitteeRole.Secretary => "Bí thư",
        CommitteeRole.DeputySecretary => "Phó Bí thư",
        _ => "Ủy viên Ban Thường vụ",
    };
}
