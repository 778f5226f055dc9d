namespace QuyCheWorkflow.Domain;

/// <summary>
/// Stable codes of the rule refusals that carry one, so the surface can tell people in their own language what
/// was refused and what to do; the exception's message stays the English text for logs.
/// </summary>
public enum RefusalCode
{
    /// <summary>No code: the message is the only description.</summary>
    None,

    /// <summary>The issue date is before the day the draft was approved. Facts: <c>issueDate</c>, <c>approvedOn</c>.</summary>
    IssueDateBeforeApproval,

    /// <summary>The issue date is after today (Vietnam time). Facts: <c>issueDate</c>, <c>today</c>.</summary>
    IssueDateInFuture,

    /// <summary>The issue date falls outside the regulation's term. Facts: <c>issueDate</c>, <c>term</c>.</summary>
    IssueDateOutsideTerm,

    /// <summary>The named signer is not on the standing committee. Facts: <c>signer</c>.</summary>
    SignerNotOnCommittee,

    /// <summary>The signer holds no role that signs on behalf of the standing committee. Facts: <c>signer</c>.</summary>
    SignerCannotSign,

    /// <summary>A review meeting date after today (Vietnam time). Facts: <c>meetingDate</c>, <c>today</c>.</summary>
    ReviewDateInFuture,

    /// <summary>A review meeting date before the previous review or the issue date. Facts: <c>meetingDate</c>, <c>earliest</c>.</summary>
    ReviewDateTooEarly,

    /// <summary>An amendment decided by a review before the upper level acknowledged the filing. Facts: <c>stage</c>.</summary>
    ReviewAmendBeforeAcknowledgement,
}
