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
            throw new DomainException("A standing committee has at least one member.");
        }

        string? duplicate = list.GroupBy(m => m.MemberId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new DomainException($"Member '{duplicate}' appears more than once in the standing committee.");
        }

        int secretaries = list.Count(m => m.Role == CommitteeRole.Secretary);
        if (secretaries != 1)
        {
            throw new DomainException($"A standing committee has exactly one secretary; found {secretaries}.");
        }

        Members = list.AsReadOnly();
    }

    public IReadOnlyList<CommitteeMember> Members { get; }

    public CommitteeMember Secretary => Members.Single(m => m.Role == CommitteeRole.Secretary);

    public bool Contains(string memberId) => Members.Any(m => m.MemberId == memberId);

    /// <summary>
    /// Returns a committee where <paramref name="oldMemberId"/>'s seat is held by <paramref name="newMember"/>.
    /// The secretary invariant is checked again, so replacing the secretary needs a new member with that role.
    /// </summary>
    public StandingCommittee Replace(string oldMemberId, CommitteeMember newMember)
    {
        ArgumentNullException.ThrowIfNull(newMember);
        if (!Contains(oldMemberId))
        {
            throw new DomainException($"Member '{oldMemberId}' is not on the standing committee.");
        }

        return new StandingCommittee(Members.Select(m => m.MemberId == oldMemberId ? newMember : m));
    }
}
