namespace QuyCheWorkflow.Functions.Security;

/// <summary>What a caller of the office API may do; carried as the role claim.</summary>
public enum ApiRole
{
    /// <summary>The committee office (văn phòng cấp ủy) of one organisation.</summary>
    Office,

    /// <summary>An upper-level office: reads the status of its organisation's whole subtree.</summary>
    UpperLevelOffice,

    /// <summary>Manages API keys and configuration.</summary>
    Administrator,
}
