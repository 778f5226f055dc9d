using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>
/// How a closed consultation round went, measured from its state alone (<see cref="Measure"/>): who answered, how
/// many answers were a bare agreement, which articles drew comments and which none, what became of the comments,
/// and how long it stayed open. Percentages are whole and rounded down; a share of nothing is 0. Pure.
/// </summary>
/// <param name="RecipientCount">How many were asked.</param>
/// <param name="AnswerCount">How many answered before it closed.</param>
/// <param name="ResponseRatePercent">Answers per recipient.</param>
/// <param name="BareAgreementCount">Answers that were "nhất trí" with no comment.</param>
/// <param name="BareAgreementPercent">Bare agreements per answer.</param>
/// <param name="CommentCount">Every comment made.</param>
/// <param name="GeneralCommentCount">Comments on the draft as a whole rather than an article.</param>
/// <param name="CommentsPerArticle">The articles that drew comments, in number order, with how many.</param>
/// <param name="ArticlesWithoutComments">The draft's articles nobody commented on, in number order; null when the draft's articles are not known (a scan).</param>
/// <param name="AcceptedCount">Comments resolved as accepted (<i>tiếp thu</i>).</param>
/// <param name="PartlyAcceptedCount">Comments resolved as partly accepted.</param>
/// <param name="NotAcceptedCount">Comments resolved as not accepted (<i>giải trình</i>).</param>
/// <param name="UnresolvedCount">Comments not yet resolved.</param>
/// <param name="DaysOpen">Days from the opening day to the closing day, Vietnam calendar.</param>
/// <param name="FormalReasons">Why the round counts as held for form; empty when it does not.</param>
public sealed record ConsultationQuality(
    int RecipientCount,
    int AnswerCount,
    int ResponseRatePercent,
    int BareAgreementCount,
    int BareAgreementPercent,
    int CommentCount,
    int GeneralCommentCount,
    IReadOnlyList<ArticleCommentCount> CommentsPerArticle,
    IReadOnlyList<int>? ArticlesWithoutComments,
    int AcceptedCount,
    int PartlyAcceptedCount,
    int NotAcceptedCount,
    int UnresolvedCount,
    int DaysOpen,
    IReadOnlyList<FormalityReason> FormalReasons)
{
    /// <summary>True when the round counts as held for form (<i>hình thức</i>).</summary>
    public bool IsFormal => FormalReasons.Count > 0;

    /// <summary>Accepted comments per comment.</summary>
    public int AcceptedPercent => Percent(AcceptedCount, CommentCount);

    /// <summary>Comments accepted wholly or in part, per comment (0 without comments).</summary>
    public int AcceptedOrPartlyAcceptedPercent => Percent(AcceptedCount + PartlyAcceptedCount, CommentCount);

    /// <summary>Partly accepted comments per comment.</summary>
    public int PartlyAcceptedPercent => Percent(PartlyAcceptedCount, CommentCount);

    /// <summary>Comments not accepted per comment.</summary>
    public int NotAcceptedPercent => Percent(NotAcceptedCount, CommentCount);

    /// <summary>
    /// The quality of <paramref name="round"/>, or null while it is open. A round is formal when its answers are
    /// fewer than <see cref="QualityThresholds.FormalResponseRatePercent"/> of its recipients, or when it has answers
    /// and its bare agreements reach <see cref="QualityThresholds.FormalBareAgreementPercent"/> of them (both compared
    /// exactly, not after rounding).
    /// </summary>
    /// <param name="round">The round, as stored.</param>
    /// <param name="sheet">Its resolution sheet, or null before one exists (every comment then counts as unresolved).</param>
    /// <param name="draftArticles">The article numbers of the draft consulted on, or null when not known.</param>
    /// <param name="thresholds">The upper level's thresholds.</param>
    public static ConsultationQuality? Measure(ConsultationRoundState round, ResolutionSheetState? sheet, IReadOnlyCollection<int>? draftArticles,
        QualityThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (round.Status != ConsultationStatus.Closed || round.ClosedAt is not { } closedAt)
        {
            return null;
        }

        int recipients = round.Recipients.Count;
        int answers = round.Responses.Count;
        int bare = round.Responses.Count(r => r.Kind == ResponseKind.Agree && r.Comments.Count == 0);
        var comments = round.Responses.SelectMany(r => r.Comments).ToList();
        var perArticle = comments
            .Where(c => c.Article is not null)
            .GroupBy(c => c.Article!.Value)
            .OrderBy(g => g.Key)
            .Select(g => new ArticleCommentCount(g.Key, g.Count()))
            .ToList();
        var commented = perArticle.Select(a => a.Article).ToHashSet();
        var outcomes = (sheet?.Resolutions ?? [])
            .GroupBy(r => r.CommentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Outcome, StringComparer.Ordinal);
        int Resolved(ResolutionOutcome outcome) => comments.Count(c => outcomes.TryGetValue(c.CommentId, out var o) && o == outcome);

        List<FormalityReason> reasons = [];
        if ((long)answers * 100 < (long)thresholds.FormalResponseRatePercent * recipients)
        {
            reasons.Add(FormalityReason.LowResponseRate);
        }

        if (answers > 0 && (long)bare * 100 >= (long)thresholds.FormalBareAgreementPercent * answers)
        {
            reasons.Add(FormalityReason.BareAgreements);
        }

        return new ConsultationQuality(
            recipients,
            answers,
            Percent(answers, recipients),
            bare,
            Percent(bare, answers),
            comments.Count,
            comments.Count(c => c.Article is null),
            perArticle,
            draftArticles?.Distinct().Where(n => !commented.Contains(n)).Order().ToList(),
            Resolved(ResolutionOutcome.Accepted),
            Resolved(ResolutionOutcome.PartlyAccepted),
            Resolved(ResolutionOutcome.NotAccepted),
            comments.Count(c => !outcomes.ContainsKey(c.CommentId)),
            VietnamTime.DateOf(closedAt).DayNumber - VietnamTime.DateOf(round.OpenedAt).DayNumber,
            reasons);
    }

    private static int Percent(int part, int whole) => whole == 0 ? 0 : (int)(100L * part / whole);
}
