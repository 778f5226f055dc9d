using System.Globalization;

namespace QuyCheWorkflow.Domain.Organisations;

/// <summary>
/// The standing committee (<i>Ban Thường vụ</i>) of an organisation. Invariants: at least one member,
/// member ids unique (ordinal), exactly one <see cref="CommitteeRole.Secretary"/>. Immutable; changes return a
/// new committee.
/// </summary>
public sealed class StandingCommittee
{
    public StandingCommittee(IEnumerable<CommitteeMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        List<CommitteeMember> list = [.. members];
        if (list.Count == 0)
        {
            throw new DomainException(RefusalCode.CommitteeEmpty, "A standing committee has at least one member.");
        }

        string? duplicate = list.GroupBy(m => m.MemberId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new DomainException(RefusalCode.CommitteeMemberRepeated, $"Member '{duplicate}' appears more than once in the standing committee.",
                new Dictionary<string, string> { ["memberId"] = duplicate });
        }

        int secretaries = list.Count(m => m.Role == CommitteeRole.Secretary);
        if (secretaries != 1)
        {
            throw new DomainException(RefusalCode.CommitteeSecretaryCount, $"A standing committee has exactly one secretary; found {secretaries}.",
                new Dictionary<string, string> { ["secretaries"] = secretaries.ToString(CultureInfo.InvariantCulture) });
        }

        Members = list.AsReadOnly();
    }

    public IReadOnlyList<CommitteeMember> Members { get; }

    public CommitteeMember Secretary => Members.Single(m => m.Role == CommitteeRole.Secretary);

    public bool Contains(string memberId) => Members.Any(m => m.MemberId == memberId);

    /// <summary>
    /// Returns a committee where <paramref name="oldMemberId"/>'s seat is held by <paramref name="newMember"/>, during
    /// the term. The committee keeps exactly one secretary, so the role moves only with the secretary's own seat: the
    /// secretary's successor has the secretary's role, anyone else's successor has not.
    /// </summary>
    /// <exception cref="DomainException">The new member has the old one's id or is already on the committee, the old
    /// one is not on it, or the roles break the single secretary.</exception>
    public StandingCommittee Replace(string oldMemberId, CommitteeMember newMember)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oldMemberId);
        ArgumentNullException.ThrowIfNull(newMember);
        if (oldMemberId == newMember.MemberId)
        {
            throw new DomainException(RefusalCode.CommitteeReplacementSameMember, $"Member '{oldMemberId}' cannot replace themself.",
                new Dictionary<string, string> { ["memberId"] = oldMemberId });
        }

        if (Contains(newMember.MemberId))
        {
            throw new DomainException(RefusalCode.CommitteeMemberAlreadyOn, $"Member '{newMember.MemberId}' is already on the standing committee.",
                new Dictionary<string, string> { ["memberId"] = newMember.MemberId });
        }

        if (!Contains(oldMemberId))
        {
            throw new DomainException(RefusalCode.CommitteeMemberNotFound, $"Member '{oldMemberId}' is not on the standing committee.",
                new Dictionary<string, string> { ["memberId"] = oldMemberId });
        }

        bool replacesSecretary = Secretary.MemberId == oldMemberId;
        if (replacesSecretary != (newMember.Role == CommitteeRole.Secretary))
        {
            throw new DomainException(
                RefusalCode.CommitteeSecretarySeat,
                replacesSecretary
                    ? $"The secretary '{oldMemberId}' is replaced only by a member with the secretary's role."
                    : $"Member '{oldMemberId}' is not the secretary, so is not replaced by one.",
                new Dictionary<string, string> { ["memberId"] = oldMemberId, ["replacesSecretary"] = replacesSecretary ? "true" : "false" });
        }

        return new StandingCommittee(Members.Select(m => m.MemberId == oldMemberId ? newMember : m));
    }
}
