using System.Globalization;

namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>
/// One consultation period (<i>lấy ý kiến góp ý</i>) on one draft version: a fixed list of recipients and a
/// deadline. Rules:
/// <list type="bullet">
/// <item>A recipient answers (<see cref="Answer"/>) with "nhất trí" and no comment, or with at least one
/// comment. A recipient may replace their answer while the round is open; the last
/// answer counts. This lets someone who pressed "nhất trí" too quickly add a comment, and costs nothing since
/// comments are only resolved after the round closes. Submitting the answer already recorded again is a
/// no-op at any time (a form sent twice), even after the round closed.</item>
/// <item>The round closes when every recipient has answered (at that answer) or when the deadline is
/// reached (<see cref="CloseIfDue"/>); after that every answer is refused.</item>
/// <item>An answer at or after the deadline is refused even if <see cref="CloseIfDue"/> has not run yet.</item>
/// <item>Reminders go only to recipients who have not answered, and only before the deadline.</item>
/// </list>
/// Not thread-safe: the app loads, changes and saves it under optimistic concurrency.
/// </summary>
public sealed partial class ConsultationRound
{
    private const string Subject = "consultation round";
    private readonly List<string> _recipients;
    private readonly Dictionary<string, ConsultationResponse> _responses = new(StringComparer.Ordinal);

    /// <param name="id">Identifier of the round.</param>
    /// <param name="regulationId">The regulation consulted on.</param>
    /// <param name="draftVersion">The draft version number sent out.</param>
    /// <param name="recipientIds">Who is consulted; at least one, no duplicates.</param>
    /// <param name="openedAt">When the round opened.</param>
    /// <param name="deadline">When it closes; after <paramref name="openedAt"/>.</param>
    public ConsultationRound(
        string id,
        string regulationId,
        int draftVersion,
        IEnumerable<string> recipientIds,
        DateTimeOffset openedAt,
        DateTimeOffset deadline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(regulationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(draftVersion, 1);
        ArgumentNullException.ThrowIfNull(recipientIds);
        _recipients = [.. recipientIds];
        if (_recipients.Count == 0)
        {
            throw new DomainException(RefusalCode.ConsultationWithoutRecipients, "A consultation needs at least one recipient.");
        }

        if (_recipients.Distinct(StringComparer.Ordinal).Count() != _recipients.Count)
        {
            throw new DomainException(RefusalCode.ConsultationRecipientRepeated, "A consultation lists each recipient once.");
        }

        if (deadline <= openedAt)
        {
            throw new DomainException(RefusalCode.ConsultationDeadlineNotAfterOpening, "A consultation deadline must be after its opening.",
                new Dictionary<string, string> { ["deadline"] = deadline.ToString("O", CultureInfo.InvariantCulture) });
        }

        Id = id;
        RegulationId = regulationId;
        DraftVersion = draftVersion;
        OpenedAt = openedAt;
        Deadline = deadline;
    }

    public string Id { get; }

    public string RegulationId { get; }

    public int DraftVersion { get; }

    public DateTimeOffset OpenedAt { get; }

    public DateTimeOffset Deadline { get; }

    public ConsultationStatus Status { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public ConsultationCloseReason? CloseReason { get; private set; }

    public IReadOnlyList<string> Recipients => _recipients;

    /// <summary>Current answers, in recipient order.</summary>
    public IReadOnlyList<ConsultationResponse> Responses
        => [.. _recipients.Where(_responses.ContainsKey).Select(r => _responses[r])];

    /// <summary>Every comment of the current answers, in recipient order then comment order.</summary>
    public IReadOnlyList<Comment> Comments => [.. Responses.SelectMany(r => r.Comments)];

    public int RespondedCount => _responses.Count;

    /// <summary>Answered recipients / all recipients, 0..1.</summary>
    public double ResponseRate => (double)_responses.Count / _recipients.Count;

    /// <summary>Recipients who have not answered, in recipient order.</summary>
    public IReadOnlyList<string> RecipientsStillDue => [.. _recipients.Where(r => !_responses.ContainsKey(r))];

    /// <summary>Records "nhất trí" from <paramref name="recipientId"/>, replacing any earlier answer.</summary>
    /// <returns>True when this answer closed the round (everyone has answered).</returns>
    public bool AnswerAgree(string recipientId, DateTimeOffset at) => Answer(recipientId, ResponseKind.Agree, [], at);

    /// <summary>Records comments from <paramref name="recipientId"/>, replacing any earlier answer.</summary>
    /// <returns>True when this answer closed the round (everyone has answered).</returns>
    /// <exception cref="DomainException"><see cref="RefusalCode.ConsultationCommentMissing"/> when there is no comment.</exception>
    public bool AnswerWithComments(string recipientId, IEnumerable<CommentDraft> comments, DateTimeOffset at)
        => Answer(recipientId, ResponseKind.Comments, comments, at);

    /// <summary>
    /// Records <paramref name="recipientId"/>'s answer, replacing any earlier one: "nhất trí" with no comment, or at
    /// least one comment, each non-blank and on an article from 1 (Điều 1) or on the draft in general.
    /// </summary>
    /// <returns>True when this answer closed the round (everyone has answered).</returns>
    /// <exception cref="DomainException"><see cref="RefusalCode.ConsultationCommentMissing"/> (comments without any),
    /// <see cref="RefusalCode.ConsultationAgreementWithComments"/> ("nhất trí" with comments), an article below 1,
    /// or not a recipient.</exception>
    /// <exception cref="InvalidTransitionException">The round is closed or its deadline has passed.</exception>
    public bool Answer(string recipientId, ResponseKind kind, IEnumerable<CommentDraft> comments, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(comments);
        List<CommentDraft> drafts = [.. comments];
        if (kind == ResponseKind.Agree)
        {
            if (drafts.Count > 0)
            {
                throw new DomainException(RefusalCode.ConsultationAgreementWithComments,
                    "An answer \"nhất trí\" carries no comment.",
                    new Dictionary<string, string> { ["comments"] = drafts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            return Record(new ConsultationResponse(recipientId, ResponseKind.Agree, [], at), at);
        }

        if (kind != ResponseKind.Comments)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        if (drafts.Count == 0)
        {
            throw new DomainException(RefusalCode.ConsultationCommentMissing,
                "An answer that does not agree needs at least one comment.");
        }

        List<Comment> numbered = [];
        foreach (CommentDraft draft in drafts)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(draft.Text, nameof(comments));
            if (draft.Article is < 1)
            {
                throw new DomainException(RefusalCode.CommentArticleInvalid, $"Article numbers start at 1 (Điều 1); got {draft.Article}.",
                    new Dictionary<string, string> { ["article"] = draft.Article.Value.ToString(CultureInfo.InvariantCulture) });
            }

            numbered.Add(new Comment($"{recipientId}#{numbered.Count + 1}", recipientId, draft.Article, draft.Text.Trim()));
        }

        return Record(new ConsultationResponse(recipientId, ResponseKind.Comments, numbered, at), at);
    }

    /// <summary>Closes the round if the deadline has been reached at <paramref name="now"/>.</summary>
    /// <returns>True if this call closed it.</returns>
    public bool CloseIfDue(DateTimeOffset now)
    {
        if (Status != ConsultationStatus.Open || now < Deadline)
        {
            return false;
        }

        Close(ConsultationCloseReason.DeadlineReached, Deadline);
        return true;
    }

    /// <summary>Who should get a reminder at <paramref name="now"/>: the recipients still due, while open and before the deadline.</summary>
    public IReadOnlyList<string> RecipientsToRemind(DateTimeOffset now)
        => Status == ConsultationStatus.Open && now < Deadline ? RecipientsStillDue : [];

    private bool Record(ConsultationResponse response, DateTimeOffset at)
    {
        if (_responses.TryGetValue(response.RecipientId, out ConsultationResponse? existing) && SameContent(existing, response))
        {
            return false;
        }

        if (Status != ConsultationStatus.Open)
        {
            throw InvalidTransitionException.For(Subject, Status, "answer the consultation");
        }

        if (at >= Deadline)
        {
            throw InvalidTransitionException.For(Subject, Status, "answer the consultation", $"The deadline {Deadline:O} has passed.");
        }

        if (!_recipients.Contains(response.RecipientId, StringComparer.Ordinal))
        {
            throw new DomainException(RefusalCode.NotConsultationRecipient, $"'{response.RecipientId}' is not a recipient of consultation round '{Id}'.",
                new Dictionary<string, string> { ["recipientId"] = response.RecipientId });
        }

        _responses[response.RecipientId] = response;
        if (_responses.Count == _recipients.Count)
        {
            Close(ConsultationCloseReason.AllAnswered, at);
            return true;
        }

        return false;
    }

    private static bool SameContent(ConsultationResponse left, ConsultationResponse right)
        => left.Kind == right.Kind && left.Comments.SequenceEqual(right.Comments);

    private void Close(ConsultationCloseReason reason, DateTimeOffset at)
    {
        Status = ConsultationStatus.Closed;
        CloseReason = reason;
        ClosedAt = at;
    }
}
