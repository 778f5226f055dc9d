using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;
using static QuyCheWorkflow.Functions.Tests.Lifecycle.LifecycleWalk;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

/// <summary>A standing-committee member replaced while a vote is open, with the vote's orchestration running.</summary>
public sealed class CommitteeMemberReplacementTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private const string Org = "du-stc";
    private const string RegulationId = "qc-thay";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Vn(int year, int month, int day, int hour = 9) => new(year, month, day, hour - 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReplaceCommitteeMemberAsync_DuringOpenVote_DiscardsBallotInvitesNewMemberAndAuditsBothChains()
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, Vn(2027, 3, 1));
        await host.AddOrganisationsAsync(Org, "ĐU");
        var vote = await OpenVoteAsync(host);
        await host.Workflow.CastBallotAsync(RegulationId, vote.Id, "m2", VoteChoice.Agree, null, Clerk, Ct);
        await host.Workflow.CastBallotAsync(RegulationId, vote.Id, "m3", VoteChoice.Agree, null, Clerk, Ct);
        CommitteeMember newcomer = new("m9", "Đỗ Minh Quân", "m9@" + host.Domain, CommitteeRole.Member);

        var replacement = await host.Organisations.ReplaceCommitteeMemberAsync(Org, "m3", newcomer, Clerk, Ct);

        var seat = Assert.Single(replacement.VoteRounds);
        Assert.Equal(RegulationId, seat.RegulationId);
        Assert.Equal(VoteChoice.Agree, seat.Change.RemovedBallot!.Choice);
        Assert.Equal(VoteRoundStatus.Open, seat.Change.StatusAfter);
        Assert.Contains(newcomer, replacement.Organisation.Committee.Members);
        Assert.False(replacement.Organisation.Committee.Contains("m3"));

        var round = (await host.Get<VoteRoundStore>().GetAsync(RegulationId, vote.Id, Ct))!.Value;
        Assert.Contains(round.Members, m => m.MemberId == "m9");
        Assert.DoesNotContain(round.Members, m => m.MemberId == "m3");
        Assert.DoesNotContain(round.Ballots, b => b.MemberId == "m3");
        Assert.Equal(5, round.Members.Count);

        var regulationAudit = await AuditAsync(host, RegulationId);
        var entry = Assert.Single(regulationAudit, e => e.Record.Action == "vote.member-replaced");
        var description = System.Text.Json.JsonDocument.Parse(entry.Record.DetailsJson!).RootElement.GetProperty("description").GetString();
        Assert.Equal("Thay ủy viên Lê Thị Hoa du-stc 3 bằng ủy viên Đỗ Minh Quân; hủy phiếu “Đồng ý” của ủy viên Lê Thị Hoa du-stc 3.", description);
        Assert.True((await host.Get<AuditLog>().VerifyAsync(RegulationId, Ct)).IsValid);
        Assert.Single(await AuditAsync(host, Org), e => e.Record.Action == "organisation.member-replaced");

        // The newcomer gets the vote request from the round's orchestration, the old member can no longer vote,
        // and the seat counts: with m1 and m9 agreeing the round passes (3 of 5).
        var request = await MailToAsync(host, "m9@" + host.Domain, "Biểu quyết dự thảo");
        Assert.Contains("/l/", request.Text, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DomainException>(() => host.Workflow.CastBallotAsync(RegulationId, vote.Id, "m3", VoteChoice.Agree, null, Clerk, Ct));
        await host.Workflow.CastBallotAsync(RegulationId, vote.Id, "m1", VoteChoice.Agree, null, Clerk, Ct);
        var decided = await host.Workflow.CastBallotAsync(RegulationId, vote.Id, "m9", VoteChoice.Agree, null, Clerk, Ct);
        Assert.Equal(VoteRoundStatus.Passed, decided.Status);
        await host.UntilAsync(async () => (await host.Durable.GetInstanceAsync(LifecycleOrchestrations.VoteInstanceId(RegulationId, vote.Id), cancellation: Ct))?.IsCompleted == true);
        var regulation = Regulation.FromState((await host.Get<RegulationStore>().GetAsync(Org, RegulationId, Ct))!.Value);
        Assert.Equal(RegulationStage.Approved, regulation.Stage);

        // Nobody else got a second vote request.
        var requests = (await MailsAsync(host)).Where(m => m.Subject.StartsWith("Biểu quyết dự thảo", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, requests.Count);
        Assert.Single(requests, m => m.To.Any(t => t.Address == "m9@" + host.Domain));
    }

    [Fact]
    public async Task ReplaceCommitteeMemberAsync_Repeated_ChangesNothingMore()
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, Vn(2027, 3, 1));
        await host.AddOrganisationsAsync(Org, "ĐU");
        var vote = await OpenVoteAsync(host);
        CommitteeMember newcomer = new("m9", "Đỗ Minh Quân", "m9@" + host.Domain, CommitteeRole.Member);
        await host.Organisations.ReplaceCommitteeMemberAsync(Org, "m4", newcomer, Clerk, Ct);
        int regulationEntries = (await AuditAsync(host, RegulationId)).Count;
        int organisationEntries = (await AuditAsync(host, Org)).Count;

        var again = await host.Organisations.ReplaceCommitteeMemberAsync(Org, "m4", newcomer, Clerk, Ct);

        Assert.Empty(again.VoteRounds);
        Assert.Equal(regulationEntries, (await AuditAsync(host, RegulationId)).Count);
        Assert.Equal(organisationEntries, (await AuditAsync(host, Org)).Count);
        Assert.Equal(5, (await host.Get<VoteRoundStore>().GetAsync(RegulationId, vote.Id, Ct))!.Value.Members.Count);
    }

    [Theory]
    [InlineData("m7", "m9", CommitteeRole.Member)]
    [InlineData("m2", "m4", CommitteeRole.Member)]
    [InlineData("m1", "m9", CommitteeRole.Member)]
    [InlineData("m2", "m9", CommitteeRole.Secretary)]
    public async Task ReplaceCommitteeMemberAsync_Refused_ChangesNothing(string oldMemberId, string newMemberId, CommitteeRole role)
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, Vn(2027, 3, 1));
        await host.AddOrganisationsAsync(Org, "ĐU");
        var vote = await OpenVoteAsync(host);
        await host.Workflow.CastBallotAsync(RegulationId, vote.Id, "m2", VoteChoice.Disagree, "Chưa rõ.", Clerk, Ct);
        var organisationBefore = (await host.Get<OrganisationStore>().GetAsync(Org, Ct))!;
        var roundBefore = (await host.Get<VoteRoundStore>().GetAsync(RegulationId, vote.Id, Ct))!;
        int auditBefore = (await AuditAsync(host, RegulationId)).Count;

        await Assert.ThrowsAsync<DomainException>(() => host.Organisations.ReplaceCommitteeMemberAsync(
            Org, oldMemberId, new CommitteeMember(newMemberId, "Đỗ Minh Quân", "m9@" + host.Domain, role), Clerk, Ct));

        Assert.Equal(organisationBefore.ETag, (await host.Get<OrganisationStore>().GetAsync(Org, Ct))!.ETag);
        Assert.Equal(roundBefore.ETag, (await host.Get<VoteRoundStore>().GetAsync(RegulationId, vote.Id, Ct))!.ETag);
        Assert.Equal(auditBefore, (await AuditAsync(host, RegulationId)).Count);
    }

    [Fact]
    public async Task ReplaceCommitteeMemberAsync_NoOpenVote_ChangesOnlyTheCommittee()
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, Vn(2027, 3, 1));
        await host.AddOrganisationsAsync(Org, "ĐU");
        CommitteeMember secretary = new("m8", "Hoàng Văn Sơn", "m8@" + host.Domain, CommitteeRole.Secretary);

        var replacement = await host.Organisations.ReplaceCommitteeMemberAsync(Org, "m1", secretary, Clerk, Ct);

        Assert.Empty(replacement.VoteRounds);
        Assert.Equal(secretary, (await host.Get<OrganisationStore>().GetAsync(Org, Ct))!.Value.Committee.Secretary);
    }

    private static async Task<VoteRoundState> OpenVoteAsync(LifecycleHost host)
    {
        await host.Workflow.CreateRegulationAsync(Org, RegulationId, "Quy chế làm việc của Ban Chấp hành Đảng bộ Sở Tài chính nhiệm kỳ 2025–2030", null, Clerk, Ct);
        await host.Workflow.UploadDraftAsync(Org, RegulationId, Docx(host.Domain), "Dự thảo lần 1.docx", DraftVersion.DocxContentType, Clerk, Ct);
        var consultation = await host.Workflow.OpenConsultationAsync(Org, RegulationId, [host.Recipient(1)], host.Clock.GetUtcNow().AddDays(7), Clerk, Ct);
        await host.Workflow.AnswerConsultationAsync(RegulationId, consultation.Id, "r1", true, [], Clerk, Ct);
        var vote = await host.Workflow.SubmitForVoteAsync(Org, RegulationId, host.Clock.GetUtcNow().AddDays(5), Clerk, Ct);
        await host.SettleAsync();
        Assert.Equal(LifecycleOrchestrations.VoteRoundVersion, await host.VersionOfAsync(LifecycleOrchestrations.VoteInstanceId(RegulationId, vote.Id)));
        return vote;
    }

    private static async Task<List<AuditLogEntry>> AuditAsync(LifecycleHost host, string chain)
    {
        List<AuditLogEntry> entries = [];
        await foreach (var entry in host.Get<AuditLog>().ReadAsync(chain, Ct))
        {
            entries.Add(entry);
        }

        return entries;
    }

    private async Task<List<MaildevEmail>> MailsAsync(LifecycleHost host) =>
        [.. (await maildev.Maildev.GetEmailsAsync(Ct)).Where(m => m.To.Any(t => t.Address.EndsWith("@" + host.Domain, StringComparison.Ordinal)))];

    private async Task<MaildevEmail> MailToAsync(LifecycleHost host, string address, string subjectStart)
    {
        MaildevEmail? found = null;
        await host.UntilAsync(async () =>
        {
            found = (await MailsAsync(host)).FirstOrDefault(m => m.To.Any(t => t.Address == address) && m.Subject.StartsWith(subjectStart, StringComparison.Ordinal));
            return found is not null;
        });
        return found!;
    }
}
