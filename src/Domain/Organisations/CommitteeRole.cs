namespace QuyCheWorkflow.Domain.Organisations;

/// <summary>Role of a standing committee member. Exactly one member of a committee is the secretary.</summary>
public enum CommitteeRole
{
    /// <summary>Bí thư: leads the committee and signs issued regulations on its behalf.</summary>
    Secretary,

    /// <summary>Phó Bí thư.</summary>
    DeputySecretary,

    /// <summary>Ủy viên Ban Thường vụ.</summary>
    Member,
}
