using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Domain.Voting;

/// <summary>
/// Event returned when a member's seat in an open vote round is given to someone else. The app records it in
/// the audit chain; <see cref="Description"/> is the Vietnamese text for people.
/// </summary>
/// <param name="VoteRoundId">The round.</param>
/// <param name="OldMember">Who left the seat.</param>
/// <param name="NewMember">Who holds it now and may vote.</param>
/// <param name="RemovedBallot">The old member's ballot, discarded; null if they had not voted.</param>
/// <param name="StatusBefore">Round status before the change.</param>
/// <param name="StatusAfter">Round status after re-evaluating the rule.</param>
/// <param name="ReplacedBy">Who made the change.</param>
/// <param name="At">When.</param>
public sealed record MemberReplaced(
    string VoteRoundId,
    CommitteeMember OldMember,
    CommitteeMember NewMember,
    Ballot? RemovedBallot,
    VoteRoundStatus StatusBefore,
    VoteRoundStatus StatusAfter,
    string ReplacedBy,
    DateTimeOffset At)
{
    public string Description => RemovedBallot is null
        ? $"Thay ủy viên {OldMember.FullName} bằng ủy viên {NewMember.FullName}; ủy viên {OldMember.FullName} chưa biểu quyết."
        : $"Thay ủy viên {OldMember.FullName} bằng ủy viên {NewMember.FullName}; hủy phiếu “{VoteChoiceText.Label(RemovedBallot.Choice)}” của ủy viên {OldMember.FullName}.";
}
