using System.Text;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

/// <summary>Drives a regulation through the commands to the stage a test starts from.</summary>
internal static class LifecycleWalk
{
    public static readonly Actor Clerk = new("van-phong", "Văn phòng Đảng ủy", "api 127.0.0.1");

    public static ConsultationRecipient Recipient(int i) => new($"r{i}", $"Trần Văn Bình {i}", $"r{i}@example.vn");

    public static byte[] Docx(string text) => Encoding.UTF8.GetBytes("PK-docx " + text);

    public static async Task<RegulationState> DraftedAsync(LifecycleTestContext ctx, string organisationId, string regulationId, CancellationToken ct)
    {
        await ctx.Workflow.CreateRegulationAsync(organisationId, regulationId, "Quy chế làm việc của Ban Chấp hành Đảng bộ, nhiệm kỳ 2025–2030", null, Clerk, ct);
        await ctx.Workflow.UploadDraftAsync(organisationId, regulationId, Docx(regulationId + " v1"), "Dự thảo lần 1.docx", DraftVersion.DocxContentType, Clerk, ct);
        return (await ctx.Get<QuyCheWorkflow.Functions.State.RegulationStore>().GetAsync(organisationId, regulationId, ct))!.Value;
    }

    /// <summary>Consulted with two recipients (one comment, resolved), so the next step is the vote.</summary>
    public static async Task<ConsultationRoundState> ResolvedAsync(LifecycleTestContext ctx, string organisationId, string regulationId, CancellationToken ct)
    {
        await DraftedAsync(ctx, organisationId, regulationId, ct);
        var round = await ctx.Workflow.OpenConsultationAsync(organisationId, regulationId, [Recipient(1), Recipient(2)], ctx.Clock.GetUtcNow().AddDays(7), Clerk, ct);
        await ctx.Workflow.AnswerConsultationAsync(regulationId, round.Id, "r1", false, [new CommentInput(3, "Đề nghị làm rõ Điều 3.")], Clerk, ct);
        await ctx.Workflow.AnswerConsultationAsync(regulationId, round.Id, "r2", true, [], Clerk, ct);
        await ctx.Workflow.ResolveCommentAsync(organisationId, regulationId, "r1#1", ResolutionOutcome.Accepted, "Đã tiếp thu.", Clerk, ct);
        return round;
    }

    /// <summary>Voted through by the first three of five members.</summary>
    public static async Task<VoteRoundState> ApprovedAsync(LifecycleTestContext ctx, string organisationId, string regulationId, CancellationToken ct)
    {
        await ResolvedAsync(ctx, organisationId, regulationId, ct);
        var vote = await ctx.Workflow.SubmitForVoteAsync(organisationId, regulationId, ctx.Clock.GetUtcNow().AddDays(5), Clerk, ct);
        foreach (string member in new[] { "m1", "m2", "m3" })
        {
            vote = await ctx.Workflow.CastBallotAsync(regulationId, vote.Id, member, VoteChoice.Agree, null, Clerk, ct);
        }

        return vote;
    }
}
