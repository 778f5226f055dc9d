namespace QuyCheWorkflow.Domain.Tests.Builders;

/// <summary>Standing committees of members "m1".."mN"; m1 is the secretary.</summary>
internal static class CommitteeBuilder
{
    public static StandingCommittee OfSize(int size)
        => new(Enumerable.Range(1, size).Select(i => Member(i, i == 1 ? CommitteeRole.Secretary : CommitteeRole.Member)));

    public static CommitteeMember Member(int number, CommitteeRole role = CommitteeRole.Member)
        => new($"m{number}", $"Ủy viên {number}", $"m{number}@example.vn", role);

    public static CommitteeMember Newcomer(string id = "m-new") => new(id, "Người thay thế", $"{id}@example.vn", CommitteeRole.Member);
}
