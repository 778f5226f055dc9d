namespace QuyCheWorkflow.Domain.Filings;

/// <summary>
/// One filing (<i>gửi cấp trên, nộp lưu</i>) of an issued regulation or amendment with the upper-level
/// organisation. <c>Sent → Acknowledged</c> or <c>Sent → Returned</c> (with at least one reason); both are
/// final. Persisted by the app on its own; the regulation aggregate checks it at each hand-over.
/// </summary>
public sealed partial class Filing
{
    private const string Subject = "filing";

    /// <param name="id">Identifier of the filing.</param>
    /// <param name="regulationId">The regulation filed.</param>
    /// <param name="documentSymbol">Symbol of the document filed, e.g. "05-QC/ĐU".</param>
    /// <param name="upperLevelOrganisationId">The organisation it is filed with.</param>
    /// <param name="sentBy">Who sent it.</param>
    /// <param name="sentAt">When.</param>
    public Filing(string id, string regulationId, string documentSymbol, string upperLevelOrganisationId, string sentBy, DateTimeOffset sentAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(regulationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(documentSymbol);
        ArgumentException.ThrowIfNullOrWhiteSpace(upperLevelOrganisationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sentBy);
        Id = id;
        RegulationId = regulationId;
        DocumentSymbol = documentSymbol;
        UpperLevelOrganisationId = upperLevelOrganisationId;
        SentBy = sentBy;
        SentAt = sentAt;
    }

    public string Id { get; }

    public string RegulationId { get; }

    public string DocumentSymbol { get; }

    public string UpperLevelOrganisationId { get; }

    public string SentBy { get; }

    public DateTimeOffset SentAt { get; }

    public FilingStatus Status { get; private set; }

    public string? RespondedBy { get; private set; }

    public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>Changes requested by the upper level; empty unless returned.</summary>
    public IReadOnlyList<string> ReturnReasons { get; private set; } = [];

    /// <summary>The upper level confirms receipt (<i>đã tiếp nhận</i>).</summary>
    public void Acknowledge(string by, DateTimeOffset at)
    {
        Respond("acknowledge the filing", by, at);
        Status = FilingStatus.Acknowledged;
    }

    /// <summary>The upper level returns the document with requested changes (at least one non-blank reason).</summary>
    /// <exception cref="DomainException"><see cref="RefusalCode.FilingReturnReasonMissing"/>.</exception>
    public void Return(IEnumerable<string> reasons, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        List<string> list = [.. reasons.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim())];
        if (list.Count == 0)
        {
            throw new DomainException(RefusalCode.FilingReturnReasonMissing, "Returning a filing needs at least one reason.");
        }

        Respond("return the filing", by, at);
        ReturnReasons = list;
        Status = FilingStatus.Returned;
    }

    private void Respond(string action, string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (Status != FilingStatus.Sent)
        {
            throw InvalidTransitionException.For(Subject, Status, action);
        }

        if (at < SentAt)
        {
            throw new DomainException(RefusalCode.FilingAnsweredBeforeSent, "A filing cannot be answered before it was sent.");
        }

        RespondedBy = by;
        RespondedAt = at;
    }
}
