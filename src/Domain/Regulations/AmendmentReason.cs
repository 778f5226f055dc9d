namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>Why an amendment (<i>sửa đổi, bổ sung</i>) cycle started.</summary>
public enum AmendmentReason
{
    /// <summary>The upper level returned a filing with requested changes.</summary>
    ReturnedByUpperLevel,

    /// <summary>A periodic review decided to amend.</summary>
    ReviewDecision,
}
