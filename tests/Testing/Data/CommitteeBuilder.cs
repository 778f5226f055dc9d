using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Numbering;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Testing;

/// <summary>
/// Standing committees of members "m1".."mN"; m1 is the secretary. A member is called "{names} {n}" and reached at
/// "m{n}@{domain}", or "{mailbox}.m{n}@{domain}" when a mailbox is given (so one test's mail is told apart).
/// </summary>
public static class CommitteeBuilder
{
    public const string DefaultNames = "Ủy viên";
    public const string DefaultDomain = "example.vn";

    public static StandingCommittee OfSize(int size, string names = DefaultNames, string? mailbox = null, string domain = DefaultDomain)
        => new(Enumerable.Range(1, size).Select(i => Member(i, i == 1 ? CommitteeRole.Secretary : CommitteeRole.Member, names, mailbox, domain)));

    public static CommitteeMember Member(
        int number, CommitteeRole role = CommitteeRole.Member, string names = DefaultNames, string? mailbox = null, string domain = DefaultDomain)
        => new($"m{number}", $"{names} {number}", mailbox is null ? $"m{number}@{domain}" : $"{mailbox}.m{number}@{domain}", role);

    public static CommitteeMember Newcomer(string id = "m-new") => new(id, "Người thay thế", $"{id}@{DefaultDomain}", CommitteeRole.Member);
}
