namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>
/// The summary table of comments and their handling (<i>bảng tổng hợp tiếp thu, giải trình</i>) for one closed
/// consultation round. Every comment must be resolved with an outcome and a non-blank explanation before a
/// vote may start (<see cref="EnsureComplete"/>). A resolution may be revised; the last one counts. A round
/// whose answers were all "nhất trí" gives an empty, complete sheet.
/// </summary>
public sealed partial class ResolutionSheet
{
    private readonly Dictionary<string, CommentResolution> _resolutions = new(StringComparer.Ordinal);

    /// <exception cref="InvalidTransitionException">The round is still open.</exception>
    public ResolutionSheet(ConsultationRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Status != ConsultationStatus.Closed)
        {
            throw InvalidTransitionException.For("consultation round", round.Status, "start resolving comments");
        }

        ConsultationRoundId = round.Id;
        RegulationId = round.RegulationId;
        Comments = round.Comments;
    }

    public string ConsultationRoundId { get; }

    public string RegulationId { get; }

    public IReadOnlyList<Comment> Comments { get; }

    /// <summary>Resolutions recorded so far, in comment order.</summary>
    public IReadOnlyList<CommentResolution> Resolutions
        => [.. Comments.Where(c => _resolutions.ContainsKey(c.CommentId)).Select(c => _resolutions[c.CommentId])];

    public IReadOnlyList<Comment> Unresolved => [.. Comments.Where(c => !_resolutions.ContainsKey(c.CommentId))];

    public bool IsComplete => _resolutions.Count == Comments.Count;

    /// <summary>Records (or revises) the handling of one comment.</summary>
    /// <exception cref="ArgumentException">Blank explanation.</exception>
    /// <exception cref="DomainException">Unknown comment.</exception>
    public void Resolve(string commentId, ResolutionOutcome outcome, string explanation, string resolvedBy, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(explanation);
        ArgumentException.ThrowIfNullOrWhiteSpace(resolvedBy);
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null);
        }

        if (!Comments.Any(c => c.CommentId == commentId))
        {
            throw new DomainException(RefusalCode.CommentNotInRound, $"Comment '{commentId}' is not in consultation round '{ConsultationRoundId}'.",
                new Dictionary<string, string> { ["commentId"] = commentId });
        }

        _resolutions[commentId] = new CommentResolution(commentId, outcome, explanation.Trim(), resolvedBy, at);
    }

    /// <exception cref="UnresolvedCommentsException">Some comment has no resolution; the message gives how many.</exception>
    public void EnsureComplete()
    {
        if (!IsComplete)
        {
            throw new UnresolvedCommentsException(Comments.Count - _resolutions.Count, Comments.Count);
        }
    }
}
