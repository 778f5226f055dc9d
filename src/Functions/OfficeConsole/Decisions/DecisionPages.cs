using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Office;

namespace QuyCheWorkflow.Functions.OfficeConsole.Decisions;

/// <summary>
/// A regulation's step pages from the committee vote to the review (<see cref="DecisionStep"/>), each at
/// <see cref="ConsolePaths.Regulation(string, string, string)"/>: GET shows the form, POST (antiforgery-checked, one
/// run per request id) runs the command of <see cref="Lifecycle.RegulationWorkflow"/> as the signed-in person and
/// answers 303 to the regulation's page; a bad field or a refusal of the rules answers 400 with the form as it was
/// sent and the message beside the field it concerns, nothing stored changed.
/// </summary>
public static partial class DecisionPages
{
    public static IEndpointRouteBuilder MapDecisionConsolePages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        long maxUploadBytes = endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<OfficeApiOptions>>().Value.MaxUploadBytes;
        var uploadLimit = new RequestSizeLimitAttribute(maxUploadBytes + OfficeApiOptions.MultipartOverheadBytes);
        var group = endpoints.MapGroup(ConsolePaths.RegulationTemplate).ExcludeFromDescription();
        Map(group, DecisionStep.Vote, ShowVoteAsync, SubmitVoteAsync);
        Map(group, DecisionStep.ExtendVote, ShowExtendVoteAsync, SubmitExtendVoteAsync);
        Map(group, DecisionStep.InPersonResult, ShowInPersonResultAsync, SubmitInPersonResultAsync).WithMetadata(uploadLimit);
        Map(group, DecisionStep.Issue, ShowIssueAsync, SubmitIssueAsync).WithMetadata(uploadLimit);
        Map(group, DecisionStep.File, ShowFileAsync, SubmitFileAsync);
        Map(group, DecisionStep.Review, ShowReviewAsync, SubmitReviewAsync).WithMetadata(uploadLimit);
        return endpoints;
    }

    private static RouteHandlerBuilder Map(RouteGroupBuilder group, DecisionStep step, Delegate show, Delegate submit)
    {
        string pattern = "/" + DecisionSteps.Segment(step);
        group.MapGet(pattern, show);

        // The token is checked by the handler, after the reach check, so a stale form gets a page saying so.
        return group.MapPost(pattern, submit).DisableAntiforgery();
    }

    private static readonly string[] s_deadlineFields = [StepFields.Deadline];

    private static async Task<IResult> ShowVoteAsync(string organisationId, string regulationId, HttpContext context,
        [AsParameters] StepServices services, CancellationToken cancellationToken)
    {
        var (subject, answer) = await DecisionSteps.OpenAsync(context, services, organisationId, regulationId, DecisionStep.Vote, false, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        if (DecisionSteps.Allows(DecisionStep.Vote, subject!.Regulation))
        {
            return VotePage(subject, StepForm.Fresh(), StatusCodes.Status200OK);
        }

        // While the committee votes, the page shows where the vote stands and the steps open meanwhile.
        return subject.Regulation.ActiveCycle?.Stage == DraftingStage.InVote && await CurrentVoteAsync(subject, services, cancellationToken) is { } round
            ? new RazorComponentResult<VoteProgressPage>(new Dictionary<string, object?>
            {
                [nameof(VoteProgressPage.Header)] = subject.Header with
                {
                    StepTitle = "Biểu quyết của Ban Thường vụ",
                    Explanation = "Theo dõi biểu quyết qua thư điện tử; khi cần, gia hạn hoặc ghi nhận kết quả biểu quyết tại cuộc họp.",
                },
                [nameof(VoteProgressPage.Round)] = round,
                [nameof(VoteProgressPage.Now)] = services.Clock.GetUtcNow(),
                [nameof(VoteProgressPage.ExtendHref)] = ConsolePaths.Regulation(organisationId, regulationId, ConsolePaths.ExtendStep),
                [nameof(VoteProgressPage.InPersonHref)] = ConsolePaths.Regulation(organisationId, regulationId, ConsolePaths.InPersonStep),
            })
            : DecisionSteps.NotAllowed(subject, DecisionSteps.StageRefusal(DecisionStep.Vote, subject.Regulation));
    }

    private static async Task<IResult> SubmitVoteAsync(string organisationId, string regulationId, [FromForm] IFormCollection posted,
        HttpContext context, [AsParameters] StepServices services, CancellationToken cancellationToken)
    {
        var (subject, answer) = await DecisionSteps.OpenAsync(context, services, organisationId, regulationId, DecisionStep.Vote, false, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var form = StepForm.Sent(posted);
        var deadline = Deadline(form, "Cần hạn biểu quyết: ngày và giờ.");
        if (!form.HasErrors)
        {
            var run = await DecisionSteps.RunOnceAsync(context, services, subject!, DecisionStep.Vote, form,
                (w, actor, ct) => w.SubmitForVoteAsync(organisationId, regulationId, deadline!.Value, actor, ct), cancellationToken);
            if (DecisionSteps.Settle(run, subject!, form, s_deadlineFields) is { } settled)
            {
                return settled;
            }
        }

        return VotePage(subject!, form, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ShowExtendVoteAsync(string organisationId, string regulationId, HttpContext context,
        [AsParameters] StepServices services, CancellationToken cancellationToken)
    {
        var (subject, answer) = await DecisionSteps.OpenAsync(context, services, organisationId, regulationId, DecisionStep.ExtendVote, true, cancellationToken);
        return answer ?? await ExtendVotePageAsync(subject!, services, StepForm.Fresh(), StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<IResult> SubmitExtendVoteAsync(string organisationId, string regulationId, [FromForm] IFormCollection posted,
        HttpContext context, [AsParameters] StepServices services, CancellationToken cancellationToken)
    {
        var (subject, answer) = await DecisionSteps.OpenAsync(context, services, organisationId, regulationId, DecisionStep.ExtendVote, false, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var form = StepForm.Sent(posted);
        var deadline = Deadline(form, "Cần hạn biểu quyết mới: ngày và giờ.");
        if (!form.HasErrors)
        {
            var run = await DecisionSteps.RunOnceAsync(context, services, subject!, DecisionStep.ExtendVote, form,
                (w, actor, ct) => w.ExtendVoteDeadlineAsync(organisationId, regulationId, deadline!.Value, actor, ct), cancellationToken);
            if (DecisionSteps.Settle(run, subject!, form, s_deadlineFields) is { } settled)
            {
                return settled;
            }
        }

        return await ExtendVotePageAsync(subject!, services, form, StatusCodes.Status400BadRequest, cancellationToken);
    }

    private static RazorComponentResult<VoteStepPage> VotePage(DecisionSubject subject, StepForm form, int statusCode)
    {
        int members = subject.Organisation.Committee.Members.Count;
        return new(new Dictionary<string, object?>
        {
            [nameof(VoteStepPage.Header)] = subject.Header,
            [nameof(VoteStepPage.Form)] = form,
            [nameof(VoteStepPage.Draft)] = subject.Regulation.ActiveCycle?.LatestDraft,
            [nameof(VoteStepPage.Members)] = subject.Organisation.Committee.Members,
            [nameof(VoteStepPage.Required)] = DecisionRule.MajorityOfAllMembers.RequiredAgrees(members),
        })
        {
            StatusCode = statusCode,
        };
    }

    private static async Task<IResult> ExtendVotePageAsync(DecisionSubject subject, StepServices services, StepForm form, int statusCode,
        CancellationToken cancellationToken)
    {
        if (await CurrentVoteAsync(subject, services, cancellationToken) is not { } round)
        {
            return DecisionSteps.NotAllowed(subject, new Domain.InvalidTransitionException("regulation", subject.Regulation.Stage.ToString(), "extend the vote deadline"));
        }

        return new RazorComponentResult<ExtendVoteStepPage>(new Dictionary<string, object?>
        {
            [nameof(ExtendVoteStepPage.Header)] = subject.Header,
            [nameof(ExtendVoteStepPage.Form)] = form,
            [nameof(ExtendVoteStepPage.CurrentDeadline)] = round.Deadline,
            [nameof(ExtendVoteStepPage.Voted)] = round.Ballots.Count,
            [nameof(ExtendVoteStepPage.MemberCount)] = round.Members.Count,
            [nameof(ExtendVoteStepPage.StillDue)] = round.MembersStillDue.Select(m => m.FullName).ToList(),
        })
        {
            StatusCode = statusCode,
        };
    }

    /// <summary>The vote round under way in the regulation's active cycle, or null.</summary>
    private static async Task<VoteRound?> CurrentVoteAsync(DecisionSubject subject, StepServices services, CancellationToken cancellationToken) =>
        subject.Regulation.ActiveCycle?.CurrentVoteRoundId is { } roundId &&
        await services.Stores.Votes.GetAsync(subject.RegulationId, roundId, cancellationToken) is { } loaded
            ? VoteRound.FromState(loaded.Value)
            : null;

    /// <summary>The deadline of the date and time fields, read as Vietnam time; null (and the message) when either is missing or malformed.</summary>
    private static DateTimeOffset? Deadline(StepForm form, string message)
    {
        Dictionary<string, string[]> errors = new(StringComparer.Ordinal);
        var date = RegulationFormFields.Date(form.Value(StepFields.DeadlineDate), StepFields.Deadline, message, errors);
        var time = RegulationFormFields.Time(form.Value(StepFields.DeadlineTime), StepFields.Deadline, message, errors);
        form.AddErrors(errors);
        return date is { } d && time is { } t ? VietnamTime.ToInstant(d, t) : null;
    }

    /// <summary>Today in Vietnam, what a date field starts with.</summary>
    private static string Today(StepServices services) => DecisionText.Iso(VietnamTime.DateOf(services.Clock.GetUtcNow()));
}
