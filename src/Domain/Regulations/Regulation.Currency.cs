using System.Globalization;

namespace QuyCheWorkflow.Domain.Regulations;

public sealed partial class Regulation
{
    /// <summary>Every drafting cycle of the regulation: the original's, then each amendment's, oldest first.</summary>
    public IEnumerable<DraftingCycle> Cycles => new[] { InitialCycle }.Concat(_amendments.Select(a => a.Cycle));

    /// <summary>The drafting cycle (the original's or an amendment's) that held vote round <paramref name="roundId"/>, or null.</summary>
    public DraftingCycle? CycleOfVoteRound(string roundId) =>
        Cycles.FirstOrDefault(c => c.VoteRoundIds.Contains(roundId, StringComparer.Ordinal));

    /// <summary>
    /// The draft that vote round <paramref name="roundId"/> (on <paramref name="draftVersion"/>) puts to the committee,
    /// while the round is the current one of the active drafting cycle and that draft's text is
    /// <paramref name="draftHash"/>: an answer given on anything else (an earlier round, another draft, a cycle that
    /// went on to issuance) is not for this regulation as it stands.
    /// </summary>
    /// <exception cref="DomainException"><see cref="RefusalCode.RoundSuperseded"/>.</exception>
    public DraftVersion EnsureCurrentVoteRound(string roundId, int draftVersion, ContentHash draftHash) =>
        EnsureCurrentRound("vote round", roundId, ActiveCycle?.CurrentVoteRoundId, draftVersion, draftHash);

    /// <summary>
    /// The draft that consultation round <paramref name="roundId"/> (on <paramref name="draftVersion"/>) asks about,
    /// while the round is the current one of the active drafting cycle and that draft's text is
    /// <paramref name="draftHash"/>.
    /// </summary>
    /// <exception cref="DomainException"><see cref="RefusalCode.RoundSuperseded"/>.</exception>
    public DraftVersion EnsureCurrentConsultationRound(string roundId, int draftVersion, ContentHash draftHash) =>
        EnsureCurrentRound("consultation round", roundId, ActiveCycle?.CurrentConsultationRoundId, draftVersion, draftHash);

    /// <summary>
    /// The issuance that filing <paramref name="filingId"/> sent to the upper level, while that filing is the
    /// regulation's latest (of the original text or of an amendment) and the text in force is the one filed, with
    /// final document <paramref name="documentHash"/>.
    /// </summary>
    /// <exception cref="DomainException"><see cref="RefusalCode.RoundSuperseded"/>.</exception>
    public Issuance EnsureCurrentFiling(string filingId, ContentHash documentHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filingId);
        if (_filingIds.Count == 0 || _filingIds[^1] != filingId || CurrentIssuance is not { } issuance ||
            issuance.FinalDocumentHash != documentHash)
        {
            throw Superseded("filing", filingId);
        }

        return issuance;
    }

    private DraftVersion EnsureCurrentRound(string subject, string roundId, string? currentRoundId, int draftVersion, ContentHash draftHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roundId);
        DraftVersion? draft = ActiveCycle?.Drafts.FirstOrDefault(d => d.Number == draftVersion);
        if (currentRoundId != roundId || draft is null || draft.ContentHash != draftHash)
        {
            throw Superseded(subject, roundId);
        }

        return draft;
    }

    private DomainException Superseded(string subject, string id) => new(
        RefusalCode.RoundSuperseded,
        string.Create(CultureInfo.InvariantCulture, $"The {subject} '{id}' (or the text it was sent with) is not the current one of regulation '{Id}'."),
        new Dictionary<string, string> { ["subject"] = subject, ["id"] = id });
}
