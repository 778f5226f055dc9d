using System.Globalization;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

/// <summary>
/// The next action of a regulation as the home page and the regulation's page show it: read off the stage of the
/// cycle under way (the initial one, or an amendment's) and the current stage object's state; the rules themselves
/// stay in the domain, which refuses what the stage does not allow.
/// </summary>
internal static class RegulationNextSteps
{
    public static NextStep For(string organisationId, Regulation regulation, ConsultationRoundState? currentRound,
        ResolutionSheetState? currentSheet, VoteRoundState? currentVote, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        string Step(string step) => ConsolePaths.Regulation(organisationId, regulation.Id, step);
        string page = ConsolePaths.Regulation(organisationId, regulation.Id);
        if (regulation.Stage is RegulationStage.Superseded or RegulationStage.Repealed)
        {
            return new("Quy chế đã hết hiệu lực; không còn việc phải làm.", null, null, false);
        }

        if (regulation.ActiveCycle is { } cycle && cycle.Stage != DraftingStage.Issued)
        {
            switch (cycle.Stage)
            {
                case DraftingStage.Drafting when cycle.LatestDraft is null:
                    return new("Tải lên dự thảo đầu tiên", page + "#" + ConsolePaths.DraftUploadStep, null, false);
                case DraftingStage.Drafting:
                    return new($"Lấy ý kiến góp ý dự thảo lần {cycle.LatestDraft.Number}", Step(ConsolePaths.ConsultationStep), null, false);
                case DraftingStage.InConsultation:
                    return new("Theo dõi ý kiến góp ý; đợt lấy ý kiến kết thúc khi đến hạn hoặc khi mọi nơi đã trả lời",
                        page + "#" + ConsolePaths.ConsultationStep, currentRound is null ? null : VietnamTime.FormatTimeOnDate(currentRound.Deadline),
                        currentRound is not null && currentRound.Deadline < now);
                case DraftingStage.Resolving when currentSheet is not null && UnresolvedCount(currentSheet) > 0:
                    return new(string.Create(CultureInfo.InvariantCulture, $"Tiếp thu, giải trình {UnresolvedCount(currentSheet)}/{currentSheet.Comments.Count} ý kiến còn lại"),
                        Step(ConsolePaths.ResolutionStep), null, false);
                case DraftingStage.Resolving:
                    return new("Trình Ban Thường vụ biểu quyết dự thảo", Step(ConsolePaths.VoteStep), null, false);
                case DraftingStage.InVote when currentVote is { } vote && IsPastDeadline(vote, now):
                    return new("Hết hạn biểu quyết mà chưa có kết quả: gia hạn, hoặc ghi nhận kết quả biểu quyết tại cuộc họp",
                        Step(ConsolePaths.ExtendStep), VietnamTime.FormatTimeOnDate(vote.Deadline), true);
                case DraftingStage.InVote:
                    return new("Theo dõi biểu quyết của Ban Thường vụ", Step(ConsolePaths.VoteStep),
                        currentVote is null ? null : VietnamTime.FormatTimeOnDate(currentVote.Deadline), false);
                case DraftingStage.Approved:
                    return new("Ban hành quy chế (số, ký hiệu và người ký)", Step(ConsolePaths.IssueStep), null, false);
            }
        }

        return regulation.Stage switch
        {
            RegulationStage.Issued => new("Gửi quy chế lên cấp trên", Step(ConsolePaths.FileStep), null, false),
            RegulationStage.Filed => new("Chờ cấp trên tiếp nhận quy chế", null, null, false),
            _ when regulation.NextReviewDue is { } due => new("Rà soát định kỳ quy chế", Step(ConsolePaths.ReviewStep),
                "ngày " + VietnamTime.FormatDate(due), due < VietnamTime.DateOf(now)),
            _ => new("Quy chế đang có hiệu lực; không có việc đến hạn.", null, null, false),
        };
    }

    /// <summary>Comments of the sheet with no resolution yet.</summary>
    public static int UnresolvedCount(ResolutionSheetState sheet) =>
        sheet.Comments.Count(c => !sheet.Resolutions.Any(r => r.CommentId == c.CommentId));

    /// <summary>A vote round whose deadline passed without a decision (expired, or open and not yet expired by its orchestration).</summary>
    public static bool IsPastDeadline(VoteRoundState vote, DateTimeOffset now) =>
        vote.Status == VoteRoundStatus.ExpiredUndecided || (vote.Status == VoteRoundStatus.Open && vote.Deadline <= now);
}
