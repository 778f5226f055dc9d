using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>
/// The lifecycle of one working regulation (<i>quy chế làm việc</i>) of one organisation for one term: the
/// aggregate that validates every hand-over between stages (see <see cref="RegulationStage"/>). Each stage's
/// own object — <see cref="ConsultationRound"/>, <see cref="ResolutionSheet"/>, <see cref="VoteRound"/>,
/// <see cref="Filings.Filing"/>, <see cref="PeriodicReview"/> — lives and is persisted on its own; the
/// aggregate keeps their ids and, when handed one, checks that it belongs to this regulation, is the current
/// one, and is in the state the transition needs. Rules:
/// <list type="bullet">
/// <item>Drafting-stage actions (<see cref="AddDraft"/>, <see cref="OpenConsultation"/>,
/// <see cref="StartResolution"/>, <see cref="StartVote"/>, <see cref="ApplyVoteResult"/>) go to the initial
/// cycle before issuance and to the active amendment afterwards (<see cref="DraftingCycle"/> has the rules).</item>
/// <item>Issuing sets the next review due date and supersedes the regulation it replaces.</item>
/// <item>Only an issued text is filed; acknowledgement or return puts it in force; a return starts an
/// amendment.</item>
/// <item>Reviews apply only in force: keep schedules the next review, amend starts an amendment (one at a
/// time), repeal ends the regulation.</item>
/// </list>
/// Every refused transition throws <see cref="InvalidTransitionException"/> naming the current stage.
/// Not thread-safe: the app loads, changes and saves it under optimistic concurrency.
/// </summary>
public sealed partial class Regulation
{
    private const string Subject = "regulation";
    private readonly List<AmendmentCycle> _amendments = [];
    private readonly List<string> _filingIds = [];
    private RegulationStage? _stageAfterIssue;

    /// <param name="id">Identifier of the regulation.</param>
    /// <param name="organisationId">The organisation whose regulation it is.</param>
    /// <param name="term">The term it is for.</param>
    /// <param name="title">Title, e.g. "Quy chế làm việc của Ban Chấp hành Đảng bộ ... nhiệm kỳ 2025–2030".</param>
    /// <param name="reviewSchedule">Review cadence and reminders; <see cref="ReviewSchedule.Default"/> if null.</param>
    /// <param name="createdAt">When the drafting started.</param>
    public Regulation(string id, string organisationId, Term term, string title, ReviewSchedule? reviewSchedule, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Id = id;
        OrganisationId = organisationId;
        Term = term;
        Title = title;
        ReviewSchedule = reviewSchedule ?? ReviewSchedule.Default;
        CreatedAt = createdAt;
        InitialCycle = new DraftingCycle(id, Subject);
    }

    public string Id { get; }

    public string OrganisationId { get; }

    public Term Term { get; }

    public string Title { get; }

    public ReviewSchedule ReviewSchedule { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>The drafting cycle that produced the original text.</summary>
    public DraftingCycle InitialCycle { get; }

    public RegulationStage Stage => _stageAfterIssue ?? InitialCycle.Stage switch
    {
        DraftingStage.Drafting => RegulationStage.Drafting,
        DraftingStage.InConsultation => RegulationStage.InConsultation,
        DraftingStage.Resolving => RegulationStage.Resolving,
        DraftingStage.InVote => RegulationStage.InVote,
        DraftingStage.Approved => RegulationStage.Approved,
        _ => RegulationStage.Issued,
    };

    /// <summary>True when a text of this regulation is in force (issued, filed or acknowledged).</summary>
    public bool HasTextInForce => Stage is RegulationStage.Issued or RegulationStage.Filed or RegulationStage.InForce;

    /// <summary>The issuance of the text in force: the original, or the latest issued amendment.</summary>
    public Issuance? CurrentIssuance { get; private set; }

    /// <summary>Filings of this regulation and its amendments, oldest first.</summary>
    public IReadOnlyList<string> FilingIds => _filingIds;

    /// <summary>The filing of the original text, once filed.</summary>
    public string? FilingId { get; private set; }

    public DateOnly? LastReviewDate { get; private set; }

    /// <summary>Due date of the next periodic review; null before issuance and after the regulation ends.</summary>
    public DateOnly? NextReviewDue { get; private set; }

    /// <summary>All amendment cycles, oldest first.</summary>
    public IReadOnlyList<AmendmentCycle> Amendments => _amendments;

    /// <summary>The amendment under way, if any.</summary>
    public AmendmentCycle? ActiveAmendment => _amendments.LastOrDefault(a => a.IsActive);

    /// <summary>The regulation that superseded this one.</summary>
    public string? SupersededByRegulationId { get; private set; }

    /// <summary>The day this regulation stopped being in force (superseded or repealed).</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>The drafting cycle that drafting-stage actions go to: the initial one, then the active amendment's.</summary>
    public DraftingCycle? ActiveCycle => _stageAfterIssue is null ? InitialCycle : ActiveAmendment?.Cycle;

    /// <summary>Reasons of the last failed vote of the active cycle (shown while resolving again).</summary>
    public IReadOnlyList<string> VoteFailureReasons => ActiveCycle?.VoteFailureReasons ?? [];

    public void AddDraft(DraftVersion draft) => CycleFor("upload a draft").AddDraft(draft);

    public void OpenConsultation(ConsultationRound round) => CycleFor("open a consultation").OpenConsultation(round);

    public void StartResolution(ConsultationRound round) => CycleFor("start resolving comments").StartResolution(round);

    /// <exception cref="UnresolvedCommentsException">Comments of the last consultation round are unresolved.</exception>
    public void StartVote(VoteRound round, ResolutionSheet resolutions) => CycleFor("start a vote").StartVote(round, resolutions);

    public DraftingStage ApplyVoteResult(VoteRound round) => CycleFor("apply the vote result").ApplyVoteResult(round);

    private DraftingCycle CycleFor(string action)
        => ActiveCycle ?? throw InvalidTransitionException.For(Subject, Stage, action, "No amendment is under way.");

    private void EnsureStage(string action, params RegulationStage[] allowed)
    {
        if (!allowed.Contains(Stage))
        {
            throw InvalidTransitionException.For(Subject, Stage, action);
        }
    }
}
