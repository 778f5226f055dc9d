using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Numbering;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.State;

/// <summary>
/// The state tests' organisations (Vietnamese names, committees of "Nguyễn Thị Ánh n") made with the shared builders,
/// and regulations walked to the stage a test needs.
/// </summary>
internal static class StateTestData
{
    public const string MemberNames = "Nguyễn Thị Ánh";

    public static StandingCommittee Committee(int size) => CommitteeBuilder.OfSize(size, MemberNames);

    public static Organisation Organisation(string id, string? parentId, string code = "ĐU", int committeeSize = 3) => new OrganisationBuilder()
        .WithId(id).WithName($"Đảng ủy {id} — Khối cơ quan tỉnh").WithCode(code).WithType(OrganisationType.Agency).WithParent(parentId)
        .WithCommittee(committeeSize, MemberNames).Build();

    /// <summary>A regulation with one draft, consulted (one comment, resolved) and put to a vote of <paramref name="committee"/>.</summary>
    public static Walk InVote(string organisationId, string regulationId, StandingCommittee committee)
    {
        Regulation regulation = new(regulationId, organisationId, TestData.Term2025, "Quy chế làm việc của Ban Chấp hành Đảng bộ, nhiệm kỳ 2025–2030", null, TestData.T0);
        regulation.AddDraft(new DraftVersion(1, TestData.Hash(regulationId), "Dự thảo quy chế — lần 1.docx", DraftVersion.DocxContentType, "văn-phòng", TestData.T0));
        ConsultationRound consultation = new($"cons-{regulationId}", regulationId, 1, ["r1", "r2"], TestData.T0, TestData.T0.AddDays(7));
        regulation.OpenConsultation(consultation);
        consultation.AnswerWithComments("r1", [new CommentDraft(3, "Đề nghị làm rõ thẩm quyền của Thường trực Đảng ủy.")], TestData.T0.AddDays(1));
        consultation.AnswerAgree("r2", TestData.T0.AddDays(1));
        regulation.StartResolution(consultation);
        ResolutionSheet sheet = new(consultation);
        foreach (Comment comment in sheet.Unresolved)
        {
            sheet.Resolve(comment.CommentId, ResolutionOutcome.Accepted, "Đã tiếp thu, chỉnh sửa Điều 3.", "văn-phòng", TestData.T0.AddDays(2));
        }

        VoteRound vote = new($"vote-{regulationId}", regulationId, 1, committee, DecisionRule.MajorityOfAllMembers, TestData.T0.AddDays(3), TestData.T0.AddDays(6));
        regulation.StartVote(vote, sheet);
        return new Walk(regulation, consultation, sheet, vote, null);
    }

    /// <summary>A regulation voted through, issued on <paramref name="issueDate"/> and filed with <paramref name="upperLevelId"/>.</summary>
    public static Walk Filed(string organisationId, string regulationId, string upperLevelId, DateOnly issueDate)
    {
        Walk walk = InVote(organisationId, regulationId, Committee(3));
        walk.Vote.Cast("m1", VoteChoice.Agree, null, TestData.T0.AddDays(4));
        walk.Vote.Cast("m2", VoteChoice.Agree, "Nhất trí với dự thảo.", TestData.T0.AddDays(4));
        walk.Regulation.ApplyVoteResult(walk.Vote);
        walk.Regulation.Issue(
            new Issuance(
                regulationId,
                new DocumentNumber(1, DocumentType.Regulation, OrganisationCode.Parse("ĐU")),
                new Signer(Signer.OnBehalfOfStandingCommittee, "BÍ THƯ", "Nguyễn Văn Ân"),
                issueDate,
                TestData.Hash("final/" + regulationId),
                null,
                "văn-phòng",
                TestData.T0.AddDays(10)),
            null,
            issueDate,
            issueDate);
        Filing filing = new($"filing-{regulationId}", regulationId, walk.Regulation.CurrentIssuance!.Number.Symbol, upperLevelId, "văn-phòng", TestData.T0.AddDays(11));
        walk.Regulation.File(filing);
        return walk with { Filing = filing };
    }

    internal sealed record Walk(Regulation Regulation, ConsultationRound Consultation, ResolutionSheet Sheet, VoteRound Vote, Filing? Filing);
}
