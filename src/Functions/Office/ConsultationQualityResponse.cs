using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// How a closed consultation round went (<see cref="ConsultationQuality"/>): response rate, bare agreements, comments
/// per article and the articles without any (null when the draft is a scan), what became of the comments, days open,
/// and whether it counts as held for form under the upper level's <see cref="Thresholds"/>. Percentages are whole,
/// rounded down.
/// </summary>
public sealed record ConsultationQualityResponse(
    int RecipientCount,
    int AnswerCount,
    int ResponseRatePercent,
    int BareAgreementCount,
    int BareAgreementPercent,
    int CommentCount,
    int GeneralCommentCount,
    IReadOnlyList<ArticleCommentsResponse> CommentsPerArticle,
    IReadOnlyList<int>? ArticlesWithoutComments,
    int AcceptedCount,
    int AcceptedPercent,
    int PartlyAcceptedCount,
    int PartlyAcceptedPercent,
    int NotAcceptedCount,
    int NotAcceptedPercent,
    int UnresolvedCount,
    int DaysOpen,
    bool IsFormal,
    IReadOnlyList<FormalityReason> FormalReasons,
    QualityThresholdsResponse Thresholds)
{
    public static ConsultationQualityResponse From(ConsultationQuality quality, QualityThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(quality);
        ArgumentNullException.ThrowIfNull(thresholds);
        return new(
            quality.RecipientCount,
            quality.AnswerCount,
            quality.ResponseRatePercent,
            quality.BareAgreementCount,
            quality.BareAgreementPercent,
            quality.CommentCount,
            quality.GeneralCommentCount,
            [.. quality.CommentsPerArticle.Select(a => new ArticleCommentsResponse(a.Article, a.Comments))],
            quality.ArticlesWithoutComments is { } none ? [.. none] : null,
            quality.AcceptedCount,
            quality.AcceptedPercent,
            quality.PartlyAcceptedCount,
            quality.PartlyAcceptedPercent,
            quality.NotAcceptedCount,
            quality.NotAcceptedPercent,
            quality.UnresolvedCount,
            quality.DaysOpen,
            quality.IsFormal,
            [.. quality.FormalReasons],
            QualityThresholdsResponse.From(thresholds));
    }
}
