using System.Globalization;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>
/// The draft-to-issuance pipeline (steps 1–5) shared by a new regulation and by each amendment:
/// <c>Drafting → InConsultation → Resolving → InVote → (failed: Resolving) → Approved → Issued</c>.
/// The stages' own objects (<see cref="ConsultationRound"/>, <see cref="ResolutionSheet"/>,
/// <see cref="VoteRound"/>) are persisted separately by the app; the cycle keeps their ids and checks, at each
/// hand-over, that the object belongs here and is in the state the hand-over needs:
/// <list type="bullet">
/// <item>Drafts may be added while drafting or resolving; numbers follow on without gaps.</item>
/// <item>A consultation opens on the latest draft, from drafting or (for a second round) resolving.</item>
/// <item>Resolution starts when the current consultation round has closed.</item>
/// <item>A vote starts only when every comment of the last round is resolved, on the latest draft.</item>
/// <item>A decided vote either approves the draft or returns the cycle to resolving with the reasons.</item>
/// </list>
/// Every refused hand-over throws <see cref="InvalidTransitionException"/> naming the current stage.
/// </summary>
public sealed partial class DraftingCycle
{
    private readonly List<DraftVersion> _drafts = [];
    private readonly List<string> _consultationRoundIds = [];
    private readonly List<string> _voteRoundIds = [];

    /// <param name="regulationId">The regulation this cycle drafts (or amends).</param>
    /// <param name="subject">Name used in error messages: "regulation" or "amendment".</param>
    public DraftingCycle(string regulationId, string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regulationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        RegulationId = regulationId;
        Subject = subject;
    }

    public string RegulationId { get; }

    /// <summary>What error messages call this cycle ("regulation", "amendment").</summary>
    public string Subject { get; }

    public DraftingStage Stage { get; private set; }

    public IReadOnlyList<DraftVersion> Drafts => _drafts;

    public DraftVersion? LatestDraft => _drafts.Count == 0 ? null : _drafts[^1];

    /// <summary>Every consultation round of this cycle, oldest first.</summary>
    public IReadOnlyList<string> ConsultationRoundIds => _consultationRoundIds;

    /// <summary>Every vote round of this cycle, oldest first.</summary>
    public IReadOnlyList<string> VoteRoundIds => _voteRoundIds;

    public string? CurrentConsultationRoundId => _consultationRoundIds.Count == 0 ? null : _consultationRoundIds[^1];

    public string? CurrentVoteRoundId => _voteRoundIds.Count == 0 ? null : _voteRoundIds[^1];

    /// <summary>Reasons from the last failed vote; empty if the last vote did not fail.</summary>
    public IReadOnlyList<string> VoteFailureReasons { get; private set; } = [];

    public Issuance? Issuance { get; private set; }

    /// <summary>Records the next draft version; allowed while drafting or resolving.</summary>
    public void AddDraft(DraftVersion draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        EnsureStage("upload a draft", DraftingStage.Drafting, DraftingStage.Resolving);
        if (draft.Number != _drafts.Count + 1)
        {
            throw new DomainException(RefusalCode.DraftNumberOutOfSequence, $"The next draft of {Subject} '{RegulationId}' is version {_drafts.Count + 1}, not {draft.Number}.",
                new Dictionary<string, string> { ["expected"] = (_drafts.Count + 1).ToString(CultureInfo.InvariantCulture), ["given"] = draft.Number.ToString(CultureInfo.InvariantCulture) });
        }

        _drafts.Add(draft);
    }

    /// <summary>Hands the latest draft to an open consultation round.</summary>
    public void OpenConsultation(ConsultationRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        EnsureStage("open a consultation", DraftingStage.Drafting, DraftingStage.Resolving);
        EnsureOwned(round.RegulationId, round.Id);
        EnsureLatestDraft(round.DraftVersion, "open a consultation");
        if (round.Status != ConsultationStatus.Open)
        {
            throw InvalidTransitionException.For("consultation round", round.Status, "open a consultation");
        }

        _consultationRoundIds.Add(round.Id);
        VoteFailureReasons = [];
        Stage = DraftingStage.InConsultation;
    }

    /// <summary>Takes the closed current consultation round into resolution.</summary>
    public void StartResolution(ConsultationRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        EnsureStage("start resolving comments", DraftingStage.InConsultation);
        EnsureCurrent(round.Id, CurrentConsultationRoundId, "consultation round");
        if (round.Status != ConsultationStatus.Closed)
        {
            throw InvalidTransitionException.For("consultation round", round.Status, "start resolving comments");
        }

        Stage = DraftingStage.Resolving;
    }

    /// <summary>
    /// Starts the standing-committee vote on the latest draft. The sheet must be the last consultation
    /// round's and complete (<see cref="UnresolvedCommentsException"/> otherwise, with the count).
    /// </summary>
    public void StartVote(VoteRound round, ResolutionSheet resolutions)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(resolutions);
        EnsureStage("start a vote", DraftingStage.Resolving);
        EnsureCurrent(resolutions.ConsultationRoundId, CurrentConsultationRoundId, "resolution sheet");
        resolutions.EnsureComplete();
        EnsureOwned(round.RegulationId, round.Id);
        EnsureLatestDraft(round.DraftVersion, "start a vote");
        if (round.Status != VoteRoundStatus.Open)
        {
            throw InvalidTransitionException.For("vote round", round.Status, "start a vote");
        }

        _voteRoundIds.Add(round.Id);
        VoteFailureReasons = [];
        Stage = DraftingStage.InVote;
    }

    /// <summary>
    /// Applies the decided current vote round: passed → <see cref="DraftingStage.Approved"/>; failed →
    /// back to <see cref="DraftingStage.Resolving"/> with <see cref="VoteFailureReasons"/>.
    /// </summary>
    /// <returns>The new stage.</returns>
    public DraftingStage ApplyVoteResult(VoteRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        EnsureStage("apply the vote result", DraftingStage.InVote);
        EnsureCurrent(round.Id, CurrentVoteRoundId, "vote round");
        if (!round.IsDecided)
        {
            throw InvalidTransitionException.For("vote round", round.Status, "apply the vote result");
        }

        if (round.Status == VoteRoundStatus.Passed)
        {
            Stage = DraftingStage.Approved;
        }
        else
        {
            VoteFailureReasons = round.FailureReasons;
            Stage = DraftingStage.Resolving;
        }

        return Stage;
    }

    internal void Issue(Issuance issuance)
    {
        EnsureStage("issue", DraftingStage.Approved);
        EnsureOwned(issuance.RegulationId, issuance.Number.Symbol);
        Issuance = issuance;
        Stage = DraftingStage.Issued;
    }

    internal void EnsureStage(string action, params DraftingStage[] allowed)
    {
        if (!allowed.Contains(Stage))
        {
            throw InvalidTransitionException.For(Subject, Stage, action);
        }
    }

    private void EnsureOwned(string regulationId, string objectId)
    {
        if (regulationId != RegulationId)
        {
            throw new DomainException(RefusalCode.ObjectOfAnotherRegulation, $"'{objectId}' belongs to regulation '{regulationId}', not '{RegulationId}'.",
                new Dictionary<string, string> { ["objectId"] = objectId });
        }
    }

    private void EnsureCurrent(string given, string? current, string what)
    {
        if (given != current)
        {
            throw new DomainException(RefusalCode.NotCurrentRound, $"The {what} '{given}' is not the current one ('{current}') of {Subject} '{RegulationId}'.",
                new Dictionary<string, string> { ["what"] = what, ["given"] = given, ["current"] = current ?? string.Empty });
        }
    }

    private void EnsureLatestDraft(int draftVersion, string action)
    {
        if (LatestDraft is null)
        {
            throw InvalidTransitionException.For(Subject, Stage, action, "No draft has been uploaded.");
        }

        if (draftVersion != LatestDraft.Number)
        {
            throw new DomainException(RefusalCode.DraftNotLatest, $"Draft version {draftVersion} is not the latest ({LatestDraft.Number}).",
                new Dictionary<string, string> { ["draftVersion"] = draftVersion.ToString(CultureInfo.InvariantCulture), ["latest"] = LatestDraft.Number.ToString(CultureInfo.InvariantCulture) });
        }
    }
}
