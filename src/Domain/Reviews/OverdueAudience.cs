namespace QuyCheWorkflow.Domain.Reviews;

/// <summary>Who an overdue-review notice goes to.</summary>
public enum OverdueAudience
{
    /// <summary>The organisation's office and secretary.</summary>
    Organisation,

    /// <summary>The upper-level organisation's office.</summary>
    UpperLevel,
}
