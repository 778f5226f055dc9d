namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>The notices the lifecycle orchestrations send.</summary>
public enum NoticeKind
{
    ConsultationInvitation,
    ConsultationReminder,
    VoteRequest,
    VoteReminder,
    VoteResult,
    VoteDeadlinePassed,
    FilingSubmitted,
    FilingReminder,
    FilingReturned,
    ReviewReminder,
    ReviewOverdueToOrganisation,
    ReviewOverdueToUpperLevel,
}
