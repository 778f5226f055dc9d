using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Numbering;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Testing;

/// <summary>
/// Builds a regulation of "du-cty" for term 2025–2030 and walks it through the lifecycle to the stage a test
/// needs, with one-comment consultations, a three-member committee and 6-monthly reviews by default.
/// The step methods can also be called one by one (they act on the active cycle, so they drive amendments too).
/// </summary>
public sealed class RegulationBuilder
{
    private static readonly StandingCommittee s_committee = CommitteeBuilder.OfSize(3);
    private string _id = "reg-1";
    private string _organisationId = "du-cty";
    private Term _term = TestData.Term2025;
    private ReviewSchedule? _schedule;
    private int _sequence;
    private ConsultationRound? _consultation;
    private VoteRound? _vote;
    private Filing? _filing;

    public RegulationBuilder WithId(string id)
    {
        _id = id;
        return this;
    }

    public RegulationBuilder ForOrganisation(string organisationId, Term term)
    {
        _organisationId = organisationId;
        _term = term;
        return this;
    }

    public RegulationBuilder WithReviewSchedule(ReviewSchedule schedule)
    {
        _schedule = schedule;
        return this;
    }

    public Regulation Build() => new(_id, _organisationId, _term, $"Quy chế làm việc {_id}", _schedule, TestData.T0);

    /// <summary>A new regulation driven to <paramref name="stage"/> (Superseded and Repealed are not reachable alone).</summary>
    public Regulation BuildIn(RegulationStage stage)
    {
        Regulation regulation = Build();
        foreach (RegulationStage step in Enum.GetValues<RegulationStage>().TakeWhile(s => s < stage))
        {
            Advance(regulation, step);
        }

        return regulation;
    }

    /// <summary>Uploads the next draft version of the active cycle.</summary>
    public static DraftVersion UploadDraft(Regulation regulation)
    {
        DraftingCycle cycle = regulation.ActiveCycle!;
        int number = cycle.Drafts.Count + 1;
        DraftVersion draft = new(number, TestData.Hash($"{regulation.Id}/{number}/{cycle.Subject}"), $"du-thao-v{number}.docx", DraftVersion.DocxContentType, "van-phong", TestData.T0);
        regulation.AddDraft(draft);
        return draft;
    }

    /// <summary>Opens a consultation on the latest draft where r1 comments on Điều 3 and r2 agrees, then closes it.</summary>
    public ConsultationRound Consult(Regulation regulation)
    {
        ConsultationRound round = new ConsultationRoundBuilder()
            .WithId($"cons-{++_sequence}")
            .ForRegulation(regulation.Id, regulation.ActiveCycle!.LatestDraft!.Number)
            .WithRecipients(2)
            .Build();
        regulation.OpenConsultation(round);
        round.AnswerWithComments("r1", [new CommentDraft(3, "Làm rõ thẩm quyền của Thường trực.")], TestData.Days(1));
        round.AnswerAgree("r2", TestData.Days(1));
        regulation.StartResolution(round);
        return round;
    }

    public static ResolutionSheet ResolveAll(ConsultationRound round)
    {
        ResolutionSheet sheet = new(round);
        foreach (Comment comment in sheet.Unresolved)
        {
            sheet.Resolve(comment.CommentId, ResolutionOutcome.Accepted, "Đã chỉnh sửa Điều 3.", "van-phong", TestData.Days(2));
        }

        return sheet;
    }

    /// <summary>Starts a three-member vote on the latest draft with the given resolutions.</summary>
    public VoteRound StartVote(Regulation regulation, ResolutionSheet sheet)
    {
        VoteRound round = new(
            $"vote-{++_sequence}", regulation.Id, regulation.ActiveCycle!.LatestDraft!.Number, s_committee,
            DecisionRule.MajorityOfAllMembers, TestData.Days(3), TestData.Days(6));
        regulation.StartVote(round, sheet);
        return round;
    }

    public static void Decide(Regulation regulation, VoteRound round, bool pass)
    {
        VoteChoice choice = pass ? VoteChoice.Agree : VoteChoice.Disagree;
        string? reason = pass ? null : "Chưa phù hợp với quy chế mẫu.";
        round.Cast("m1", choice, reason, TestData.Days(4));
        round.Cast("m2", choice, reason, TestData.Days(4));
        regulation.ApplyVoteResult(round);
    }

    public static Issuance IssuanceFor(Regulation regulation, int number, DateOnly issueDate, string? supersedes = null)
        => new(
            regulation.Id,
            new DocumentNumber(number, DocumentType.Regulation, OrganisationCode.Parse("ĐU")),
            new Signer(Signer.OnBehalfOfStandingCommittee, "BÍ THƯ", "Nguyễn Văn An"),
            issueDate,
            TestData.Hash($"final/{regulation.Id}/{number}"),
            supersedes,
            "van-phong",
            TestData.Days(10));

    /// <summary>Issues on the issue date itself as both the approval day and today, so only the rule under test can refuse.</summary>
    public static void Issue(Regulation regulation, Issuance issuance, Regulation? superseded = null)
        => regulation.Issue(issuance, superseded, issuance.IssueDate, issuance.IssueDate);

    public static Filing FilingFor(Regulation regulation, string id = "filing-1")
        => new(id, regulation.Id, regulation.CurrentIssuance!.Number.Symbol, "duk", "van-phong", TestData.Days(11));

    /// <summary>Runs the active drafting cycle from drafting to approval.</summary>
    public void Approve(Regulation regulation)
    {
        UploadDraft(regulation);
        ConsultationRound round = Consult(regulation);
        Decide(regulation, StartVote(regulation, ResolveAll(round)), pass: true);
    }

    private void Advance(Regulation regulation, RegulationStage from)
    {
        switch (from)
        {
            case RegulationStage.Drafting:
                UploadDraft(regulation);
                _consultation = new ConsultationRoundBuilder().WithId($"cons-{++_sequence}").ForRegulation(regulation.Id, 1).Build();
                regulation.OpenConsultation(_consultation);
                break;
            case RegulationStage.InConsultation:
                _consultation!.CloseIfDue(ConsultationRoundBuilder.Deadline);
                regulation.StartResolution(_consultation);
                break;
            case RegulationStage.Resolving:
                _vote = StartVote(regulation, new ResolutionSheet(_consultation!));
                break;
            case RegulationStage.InVote:
                _vote!.Cast("m1", VoteChoice.Agree, null, TestData.Days(4));
                _vote.Cast("m2", VoteChoice.Agree, null, TestData.Days(4));
                regulation.ApplyVoteResult(_vote);
                break;
            case RegulationStage.Approved:
                Issue(regulation, IssuanceFor(regulation, 1, _term.StartYear <= 2026 && 2026 <= _term.EndYear ? new DateOnly(2026, 3, 16) : new DateOnly(_term.StartYear, 3, 16)));
                break;
            case RegulationStage.Issued:
                _filing = FilingFor(regulation);
                regulation.File(_filing);
                break;
            case RegulationStage.Filed:
                _filing!.Acknowledge("duk-van-phong", TestData.Days(12));
                regulation.ApplyFilingAcknowledged(_filing);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(from), from, "Not reachable by the builder alone.");
        }
    }
}
