using QuyCheWorkflow.Domain.Consultations;

namespace QuyCheWorkflow.Functions.Quality;

/// <summary>The figures of a regulation's latest closed consultation round, as the status row keeps them.</summary>
/// <param name="RoundId">The round.</param>
/// <param name="ResponseRatePercent">Answers per recipient.</param>
/// <param name="BareAgreementPercent">Bare "nhất trí" per answer.</param>
/// <param name="CommentCount">Comments made.</param>
/// <param name="AcceptedPercent">Comments accepted, wholly or in part, per comment.</param>
/// <param name="DaysOpen">Days from opening to closing.</param>
/// <param name="IsFormal">True when the round counts as held for form.</param>
// WARNING: stored as JSON in status rows; renaming a member breaks rows already stored.
public sealed record ConsultationSummary(string RoundId, int ResponseRatePercent, int BareAgreementPercent, int CommentCount, int AcceptedPercent,
    int DaysOpen, bool IsFormal)
{
    public static ConsultationSummary From(ClosedRoundQuality closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var quality = closed.Quality;
        return new(closed.Round.Id, quality.ResponseRatePercent, quality.BareAgreementPercent, quality.CommentCount,
            quality.AcceptedOrPartlyAcceptedPercent,
            quality.DaysOpen, quality.IsFormal);
    }

}
