namespace QuyCheWorkflow.Functions.Security;

/// <summary>Authorization policy names; one per role, plus one for any office.</summary>
public static class QuyCheWorkflowPolicies
{
    public const string Office = nameof(ApiRole.Office);

    public const string UpperLevelOffice = nameof(ApiRole.UpperLevelOffice);

    public const string Administrator = nameof(ApiRole.Administrator);

    /// <summary>An office of either level; which organisations it may touch is checked per request.</summary>
    public const string AnyOffice = "AnyOffice";
}
