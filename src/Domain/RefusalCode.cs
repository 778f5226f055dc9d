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

    /// <summary>
    /// An action the object's state does not allow (<see cref="InvalidTransitionException"/>). Facts: <c>subject</c>,
    /// <c>state</c>, <c>action</c> (the English names the exception carries).
    /// </summary>
    InvalidTransition,

    /// <summary>Comments are left unresolved (<see cref="Consultations.UnresolvedCommentsException"/>). Facts: <c>unresolved</c>, <c>total</c>.</summary>
    UnresolvedComments,

    /// <summary>What was read back from storage breaks the model's own invariants. Facts: <c>what</c>.</summary>
    StoredStateInconsistent,

    /// <summary>An object (comment, filing, review, round) named with another regulation. Facts: <c>objectId</c>.</summary>
    ObjectOfAnotherRegulation,

    /// <summary>A round or sheet named that is not the current one of its drafting cycle. Facts: <c>what</c>, <c>given</c>, <c>current</c>.</summary>
    NotCurrentRound,

    /// <summary>A standing committee without members.</summary>
    CommitteeEmpty,

    /// <summary>A member id listed twice in a standing committee. Facts: <c>memberId</c>.</summary>
    CommitteeMemberRepeated,

    /// <summary>A standing committee without exactly one secretary. Facts: <c>secretaries</c> (how many were given).</summary>
    CommitteeSecretaryCount,

    /// <summary>The member to replace is not on the standing committee. Facts: <c>memberId</c>.</summary>
    CommitteeMemberNotFound,

    /// <summary>The replacing member is already on the standing committee. Facts: <c>memberId</c>.</summary>
    CommitteeMemberAlreadyOn,

    /// <summary>The replacing member has the id of the member replaced. Facts: <c>memberId</c>.</summary>
    CommitteeReplacementSameMember,

    /// <summary>
    /// A replacement that would leave the committee without exactly one secretary: the secretary's seat goes to a
    /// member without that role, or another seat to a secretary. Facts: <c>memberId</c> (the one replaced), <c>replacesSecretary</c> ("true"/"false").
    /// </summary>
    CommitteeSecretarySeat,

    /// <summary>A new term that does not start after the current one. Facts: <c>term</c>, <c>currentTerm</c>.</summary>
    TermNotAfterCurrent,

    /// <summary>An organisation listed twice in the tree. Facts: <c>organisationId</c>.</summary>
    OrganisationRepeated,

    /// <summary>An organisation whose parent is unknown. Facts: <c>organisationId</c>, <c>parentId</c>.</summary>
    OrganisationParentUnknown,

    /// <summary>An organisation not in the tree. Facts: <c>organisationId</c>.</summary>
    OrganisationNotInTree,

    /// <summary>Parent links that form a cycle. Facts: <c>organisationId</c> (where the walk started).</summary>
    OrganisationCycle,

    /// <summary>A new organisation's id is taken. Facts: <c>organisationId</c>.</summary>
    OrganisationIdTaken,

    /// <summary>A consultation without recipients.</summary>
    ConsultationWithoutRecipients,

    /// <summary>A consultation listing a recipient twice.</summary>
    ConsultationRecipientRepeated,

    /// <summary>A consultation deadline not after its opening. Facts: <c>deadline</c> (ISO 8601).</summary>
    ConsultationDeadlineNotAfterOpening,

    /// <summary>A comment on an article numbered below 1. Facts: <c>article</c>.</summary>
    CommentArticleInvalid,

    /// <summary>An answer from someone who is not a recipient of the round. Facts: <c>recipientId</c>.</summary>
    NotConsultationRecipient,

    /// <summary>A resolution for a comment that is not in the round. Facts: <c>commentId</c>.</summary>
    CommentNotInRound,

    /// <summary>A draft that is neither DOCX nor PDF. Facts: <c>contentType</c>.</summary>
    DraftFileTypeUnsupported,

    /// <summary>A draft whose origin and source do not fit (an upload with a source, a copy without one). Facts: <c>origin</c>.</summary>
    DraftSourceMismatch,

    /// <summary>A draft numbered out of sequence. Facts: <c>expected</c>, <c>given</c>.</summary>
    DraftNumberOutOfSequence,

    /// <summary>An action on a draft that is not the latest. Facts: <c>draftVersion</c>, <c>latest</c>.</summary>
    DraftNotLatest,

    /// <summary>A vote deadline not after the round opens. Facts: <c>deadline</c> (ISO 8601).</summary>
    VoteDeadlineNotAfterOpening,

    /// <summary>A vote round without members, or with a member listed twice.</summary>
    VoteRoundMembersInvalid,

    /// <summary>Someone who has no seat in the vote round. Facts: <c>memberId</c>.</summary>
    NotVoteRoundMember,

    /// <summary>A new member who already has a seat in the vote round. Facts: <c>memberId</c>.</summary>
    AlreadyVoteRoundMember,

    /// <summary>A new vote deadline not later than the current one and than now. Facts: <c>deadline</c>, <c>currentDeadline</c> (ISO 8601).</summary>
    VoteDeadlineNotLater,

    /// <summary>An in-person result "not passed" without the reasons from the minutes.</summary>
    InPersonFailureWithoutReasons,

    /// <summary>A meeting's result without its minutes, or with an empty file.</summary>
    MinutesRequired,

    /// <summary>An issuance naming another superseded regulation than the one given. Facts: <c>named</c>, <c>given</c>.</summary>
    SupersededMismatch,

    /// <summary>A regulation superseding one of another organisation. Facts: <c>regulationId</c>.</summary>
    SupersedesOtherOrganisation,

    /// <summary>An amendment's issuance naming a regulation to supersede.</summary>
    AmendmentCannotSupersede,

    /// <summary>An issued text without content.</summary>
    FinalDocumentEmpty,

    /// <summary>A filing for another text than the one to file. Facts: <c>filingSymbol</c>, <c>issuedSymbol</c>.</summary>
    FilingSymbolMismatch,

    /// <summary>A filing answered before it was sent.</summary>
    FilingAnsweredBeforeSent,

    /// <summary>Filing for an organisation without an upper level. Facts: <c>organisation</c> (its name).</summary>
    NoUpperLevel,

    /// <summary>A regulation id taken (by this or another organisation). Facts: <c>regulationId</c>.</summary>
    RegulationIdTaken,

    /// <summary>No model regulation for the organisation's type.</summary>
    ModelRegulationMissing,

    /// <summary>No issued regulation of the previous term to start from. Facts: <c>term</c> (the current one).</summary>
    PreviousRegulationMissing,

    /// <summary>The issued text of the previous regulation is no longer stored. Facts: <c>regulationId</c>.</summary>
    IssuedDocumentMissing,

    /// <summary>A regulation without the issuance a step names. Facts: <c>symbol</c>.</summary>
    IssuanceMissing,

    /// <summary>A campaign without a title.</summary>
    CampaignTitleMissing,

    /// <summary>A campaign whose deadline is not after the day it starts (Vietnam calendar). Facts: <c>deadline</c>, <c>today</c>.</summary>
    CampaignDeadlineNotAfterStart,

    /// <summary>A campaign requiring revision after a model regulation without the model's date.</summary>
    CampaignModelDateMissing,

    /// <summary>Reminder offsets that are not whole days between 1 and 365. Facts: <c>offsets</c>.</summary>
    CampaignReminderOffsetsInvalid,

    /// <summary>A campaign whose end date is before its deadline. Facts: <c>endsOn</c>, <c>deadline</c>.</summary>
    CampaignEndBeforeDeadline,

    /// <summary>A directing document with a number but no date, or a date but no number.</summary>
    CampaignDirectingDocumentIncomplete,

    /// <summary>A campaign id already used by a different campaign. Facts: <c>campaignId</c>.</summary>
    CampaignIdTaken,
}
