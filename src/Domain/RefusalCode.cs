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

    /// <summary>A ballot other than "đồng ý" without a reason. Facts: <c>choice</c> (the <see cref="Voting.VoteChoice"/> name).</summary>
    BallotReasonMissing,

    /// <summary>A consultation answer that does not agree and has no comment.</summary>
    ConsultationCommentMissing,

    /// <summary>A consultation answer that agrees ("nhất trí") and also carries comments. Facts: <c>comments</c> (how many).</summary>
    ConsultationAgreementWithComments,

    /// <summary>A filing returned by the upper level without any reason.</summary>
    FilingReturnReasonMissing,

    /// <summary>
    /// An answer (ballot, consultation answer, filing response) on a round or filing that is no longer the regulation's
    /// current one, or on another text than the one it holds. Facts: <c>subject</c> ("vote round", "consultation round",
    /// "filing"), <c>id</c>.
    /// </summary>
    RoundSuperseded,

    /// <summary>
    /// An in-person vote meeting dated before the round opened or after the day it is recorded (Vietnam calendar).
    /// Facts: <c>meetingDate</c>, <c>openedOn</c>, <c>today</c>.
    /// </summary>
    MeetingDateOutsideRound,

    /// <summary>An in-person result with more votes than the round has members. Facts: <c>votes</c>, <c>members</c>.</summary>
    MeetingVotesExceedMembers,

    /// <summary>
    /// An in-person result (passed or not) that the meeting's agree count contradicts under the round's rule.
    /// Facts: <c>rule</c> (the <see cref="Voting.DecisionRule.Code"/>), <c>required</c>, <c>members</c>, <c>agrees</c>.
    /// </summary>
    MeetingResultContradictsVotes,

    /// <summary>An e-mail address that is not one mail can be sent to. Facts: <c>email</c>.</summary>
    EmailAddressInvalid,
}
