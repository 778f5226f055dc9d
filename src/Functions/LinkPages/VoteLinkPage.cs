using QuyCheWorkflow.Domain.Calendar;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>
/// A standing-committee member's vote link: the draft, the member's ballot and, once decided, the result; the form
/// casts or changes the ballot. The link lives as long as its round's current deadline and a day
/// (<see cref="LinkBuilder.VoteLinkGrace"/>); a member replaced during the round is told the seat went to someone
/// else; a round that ended its cycle's voting shows how it was decided. An open round's page says how alike the
/// draft is to the previous term's regulation or the model (<see cref="DraftComparer"/>), when there is one to compare.
/// </summary>
internal sealed class VoteLinkPage(RegulationWorkflow workflow, VoteRoundStore votes, DraftComparer comparer, TimeProvider timeProvider) : ILinkPage
{
    public LinkAction Action => LinkAction.Vote;

    public bool OutlivesSignedExpiry => true;

    public async Task<LinkOpening> OpenAsync(LinkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claims = request.Claims;
        if (await votes.GetAsync(claims.RegulationId, claims.RoundId, cancellationToken) is not { } loaded)
        {
            return LinkOpening.Refused(MessagePages.InvalidLink());
        }

        var round = loaded.Value;
        if (request.SignedExpiryPassed && timeProvider.GetUtcNow() >= round.Deadline + LinkBuilder.VoteLinkGrace)
        {
            return LinkOpening.Refused(MessagePages.ExpiredLink());
        }

        var member = round.Members.FirstOrDefault(m => m.MemberId == claims.RecipientId);
        if (member is null)
        {
            // A seat given to another member during the round (the old member's ballot was discarded).
            return LinkOpening.Refused(MessagePages.SupersededLink(
                "Đồng chí không còn trong danh sách biểu quyết của đợt này do đã có đồng chí khác được phân công thay thế."));
        }

        try
        {
            var draft = request.Rules.EnsureCurrentVoteRound(round.Id, round.DraftVersion, LinkHashes.Parse(claims.ContentHash));
            string? similarity = SimilarityText(await comparer.CompareAsync(request.Regulation, draft.ContentHash, cancellationToken));
            return LinkOpening.Open(new OpenedVote(this, claims, request.Regulation, loaded, member.FullName, draft.ContentHash, similarity));
        }
        catch (DomainException refusal) when (refusal.Code == RefusalCode.RoundSuperseded)
        {
            // A round that ended its cycle's voting (the text then went on to issuance, or back to resolution with no
            // newer round yet) is no superseded link: it shows how it was decided.
            var owner = request.Rules.CycleOfVoteRound(round.Id);
            return LinkOpening.Refused(owner?.CurrentVoteRoundId == round.Id && VoteRound.FromState(round) is { IsDecided: true } decided
                ? DecidedPage(decided, owner.Issuance, request.Submitting)
                : MessagePages.SupersededLink());
        }
    }

    /// <summary>A decided round's page: the decision, its day and count, and once issued the number and date.</summary>
    private static RazorComponentResult<Web.Components.MessagePage> DecidedPage(VoteRound round, Issuance? issuance, bool submitting)
    {
        string day = round.DecidedOn is { } on ? " ngày " + VietnamTime.FormatDate(on) : "";
        string how = round.InPersonResult is not null
            ? " tại cuộc họp Ban Thường vụ"
            : $" với {round.Tally.Agrees}/{round.Tally.MemberCount} ủy viên đồng ý";
        string draft = "dự thảo lần " + round.DraftVersion.ToString(CultureInfo.InvariantCulture);
        string explanation = round.Status == VoteRoundStatus.Passed
            ? $"Ban Thường vụ đã thông qua {draft}{day}{how}."
            : $"Ban Thường vụ không thông qua {draft}{day}; văn phòng cấp ủy tiếp thu, chỉnh lý dự thảo.";
        string? details = issuance is null
            ? null
            : $"Quy chế làm việc số {issuance.Number.Symbol} đã được ban hành ngày {VietnamTime.FormatDate(issuance.IssueDate)}.";
        return submitting
            ? MessagePages.Show(StatusCodes.Status409Conflict, "Đợt biểu quyết đã kết thúc",
                "Biểu quyết vừa gửi không được ghi nhận. " + explanation, details, MessageTone.Warning)
            : MessagePages.Show(StatusCodes.Status200OK, "Đợt biểu quyết đã kết thúc", explanation, details, MessageTone.Info);
    }

    /// <summary>"Dự thảo giống 94% quy chế nhiệm kỳ trước: 3/27 điều có thay đổi", or that a scanned draft cannot be compared.</summary>
    internal static string? SimilarityText(DraftComparison? comparison)
    {
        if (comparison is null)
        {
            return null;
        }

        if (comparison.Comparison is not { } figures)
        {
            return "Dự thảo là bản quét, không đối chiếu được nội dung.";
        }

        string source = comparison.Source == DraftOrigin.Model ? "quy chế mẫu" : "quy chế nhiệm kỳ trước";
        string removed = figures.RemovedCount > 0 ? $", {figures.RemovedCount} điều bị bỏ" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Dự thảo giống {figures.SimilarityPercent}% {source}: {figures.ChangedOrNewCount}/{figures.DraftArticleCount} điều có thay đổi{removed}.");
    }

    private static string? ResultText(VoteRoundState round)
    {
        int agree = round.Ballots.Count(b => b.Choice == VoteChoice.Agree);
        int disagree = round.Ballots.Count(b => b.Choice == VoteChoice.Disagree);
        int other = round.Ballots.Count(b => b.Choice == VoteChoice.OtherOpinion);
        string tally = string.Create(CultureInfo.InvariantCulture,
            $" ({agree} đồng ý, {disagree} không đồng ý, {other} ý kiến khác trên tổng số {round.Members.Count} ủy viên).");
        return round.Status switch
        {
            VoteRoundStatus.Passed => "Dự thảo đã được thông qua" + tally,
            VoteRoundStatus.Failed => "Dự thảo không được thông qua" + tally,
            VoteRoundStatus.ExpiredUndecided => "Đã hết hạn biểu quyết nhưng chưa đủ số phiếu để kết luận" + tally,
            _ => null,
        };
    }

    private sealed class OpenedVote(
        VoteLinkPage page, LinkClaims claims, RegulationState regulation, Loaded<VoteRoundState> round, string memberName, ContentHash draftHash,
        string? similarity)
        : OpenedLink(claims, memberName, draftHash)
    {
        public override IResult Render(LinkPageView view, string? notice)
        {
            ArgumentNullException.ThrowIfNull(view);
            var ballot = round.Value.Ballots.FirstOrDefault(b => b.MemberId == Claims.RecipientId);
            return new RazorComponentResult<LinkVotePage>(new Dictionary<string, object?>
            {
                [nameof(LinkVotePage.RegulationTitle)] = regulation.Title,
                [nameof(LinkVotePage.DraftVersion)] = round.Value.DraftVersion,
                [nameof(LinkVotePage.Deadline)] = VietnamTime.FormatTimeOnDate(round.Value.Deadline),
                [nameof(LinkVotePage.DownloadUrl)] = view.DownloadUrl,
                [nameof(LinkVotePage.Similarity)] = similarity,
                [nameof(LinkVotePage.MemberName)] = RecipientName,
                [nameof(LinkVotePage.CurrentChoice)] = ballot is null ? null : VoteChoiceText.Label(ballot.Choice),
                [nameof(LinkVotePage.SelectedValue)] = ballot is null ? null : VoteForm.Value(ballot.Choice),
                [nameof(LinkVotePage.CurrentReason)] = ballot?.Reason,
                [nameof(LinkVotePage.CurrentCastAt)] = ballot is null ? null : VietnamTime.FormatTimeOnDate(ballot.CastAt),
                [nameof(LinkVotePage.Result)] = ResultText(round.Value),
                [nameof(LinkVotePage.Notice)] = notice,
                [nameof(LinkVotePage.Action)] = view.Action,
                [nameof(LinkVotePage.RequestId)] = view.RequestId,
            });
        }

        public override async Task<LinkSubmission> SubmitAsync(IFormCollection form, LinkCommand command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (!VoteForm.TryRead(form, out var vote, out var error))
            {
                return LinkSubmission.Refused(error!);
            }

            var cast = await command.RunOnceAsync((actor, c) => page.CastAsync(round, Claims.RecipientId, vote!, actor, c), cancellationToken);
            var castOnOpenRound = cast.Status == VoteRoundStatus.Open ? cast : null;

            // A ballot on a round it did not decide changes only the round, which the ballot returned (the first
            // run's, for a replayed request); a decision is read again.
            return LinkSubmission.Recorded("Đã ghi nhận biểu quyết của đồng chí.", castOnOpenRound is null
                ? null
                : new OpenedVote(page, Claims, regulation, new Loaded<VoteRoundState>(castOnOpenRound, default), RecipientName, DocumentHash, similarity));
        }
    }

    private Task<VoteRoundState> CastAsync(Loaded<VoteRoundState> round, string memberId, VoteForm vote, Actor actor, CancellationToken cancellationToken) =>
        workflow.CastBallotAsync(round, memberId, vote.Choice, vote.Reason, actor, cancellationToken);
}
