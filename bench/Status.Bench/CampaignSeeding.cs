using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Numbering;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Status.Bench;

/// <summary>
/// Gives the seeded province's base organisations a mix of regulations, stored through the stores as the lifecycle
/// leaves them, so a campaign over the province has members in every state. Of every 20 base organisations (by the
/// number in their id): 7 issued in 2026 and filed with their bloc (done), 3 drafting, 3 in consultation (2 recipients,
/// one answered), 2 in the committee's vote (under way), 5 with no regulation (not started). The blocs have none.
/// Every organisation gets an office mailbox; its committee is the seeding's one secretary.
/// </summary>
internal static class CampaignSeeding
{
    public static Organisation WithOfficeMailbox(Organisation organisation) =>
        organisation with { OfficeEmail = $"vanphong.{organisation.Id}@example.vn" };

    /// <summary>The stage the seeding gives <paramref name="organisationId"/>'s regulation, or null for none.</summary>
    public static RegulationStage? StageOf(string organisationId)
    {
        int at = organisationId.LastIndexOf("-cs-", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        int number = int.Parse(organisationId[(at + 4)..], System.Globalization.CultureInfo.InvariantCulture);
        return (number % 20) switch
        {
            < 7 => RegulationStage.Filed,
            < 10 => RegulationStage.Drafting,
            < 13 => RegulationStage.InConsultation,
            < 15 => RegulationStage.InVote,
            _ => (RegulationStage?)null,
        };
    }

    public static async Task AddRegulationAsync(IServiceProvider services, Organisation organisation, CancellationToken cancellationToken)
    {
        if (StageOf(organisation.Id) is not { } stage)
        {
            return;
        }

        string id = "reg-" + organisation.Id;
        var regulation = new Regulation(id, organisation.Id, organisation.CurrentTerm,
            "Quy chế làm việc của Ban Chấp hành Đảng bộ, nhiệm kỳ 2025–2030", null, TestData.T0);
        regulation.AddDraft(new DraftVersion(1, TestData.Hash(id), "Dự thảo quy chế — lần 1.docx", DraftVersion.DocxContentType, "van-phong", TestData.T0));
        ConsultationRound? consultation = null;
        VoteRound? vote = null;
        Filing? filing = null;
        if (stage >= RegulationStage.InConsultation)
        {
            consultation = new ConsultationRound($"cons-{id}", id, 1, ["r1", "r2"], TestData.Days(1), TestData.Days(8));
            regulation.OpenConsultation(consultation);
            consultation.AnswerWithComments("r1", [new CommentDraft(3, "Đề nghị làm rõ thẩm quyền của Thường trực Đảng ủy.")], TestData.Days(2));
        }

        if (stage >= RegulationStage.InVote)
        {
            consultation!.AnswerAgree("r2", TestData.Days(2));
            regulation.StartResolution(consultation);
            var sheet = new ResolutionSheet(consultation);
            foreach (var comment in sheet.Unresolved)
            {
                sheet.Resolve(comment.CommentId, ResolutionOutcome.Accepted, "Đã tiếp thu, chỉnh sửa Điều 3.", "van-phong", TestData.Days(3));
            }

            vote = new VoteRound($"vote-{id}", id, 1, organisation.Committee, DecisionRule.MajorityOfAllMembers, TestData.Days(4), TestData.Days(7));
            regulation.StartVote(vote, sheet);
        }

        if (stage >= RegulationStage.Filed)
        {
            foreach (var member in organisation.Committee.Members)
            {
                vote!.Cast(member.MemberId, VoteChoice.Agree, null, TestData.Days(5));
            }

            regulation.ApplyVoteResult(vote!);
            var issueDate = DateOnly.FromDateTime(TestData.Days(10).UtcDateTime);
            regulation.Issue(
                new Issuance(id, new DocumentNumber(1, DocumentType.Regulation, organisation.Code),
                    new Signer(Signer.OnBehalfOfStandingCommittee, "BÍ THƯ", "Nguyễn Văn An"), issueDate,
                    TestData.Hash("final/" + id), null, "van-phong", TestData.Days(10)),
                null, issueDate, issueDate);
            filing = new Filing($"filing-{id}", id, regulation.CurrentIssuance!.Number.Symbol, organisation.ParentId!, "van-phong", TestData.Days(11));
            regulation.File(filing);
        }

        await services.GetRequiredService<RegulationIndex>().ReserveAsync(id, organisation.Id, cancellationToken);
        await services.GetRequiredService<RegulationStore>().AddAsync(regulation.ToState(), cancellationToken);
        if (consultation is not null)
        {
            await services.GetRequiredService<ConsultationStore>().AddRoundAsync(consultation.ToState(), cancellationToken);
        }

        if (vote is not null)
        {
            await services.GetRequiredService<VoteRoundStore>().AddAsync(vote.ToState(), cancellationToken);
        }

        if (filing is not null)
        {
            await services.GetRequiredService<FilingStore>().AddAsync(filing.ToState(), cancellationToken);
        }
    }
}
