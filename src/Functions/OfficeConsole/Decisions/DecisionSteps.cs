using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Web;
using QuyCheWorkflow.Functions.Web.Components;

namespace QuyCheWorkflow.Functions.OfficeConsole.Decisions;

/// <summary>
/// What the step pages share: who may open a step (a signed-in office person whose organisation reaches the
/// regulation's; anyone else gets the same "not found" whether it exists or not), whether a sent form carries its
/// antiforgery token, whether the regulation's stage
/// allows the step (else the domain's refusal, in the catalogue's words), and running a step's command once per
/// sending of its form as the signed-in person.
/// </summary>
internal static class DecisionSteps
{
    public static string Segment(DecisionStep step) => step switch
    {
        DecisionStep.Vote => ConsolePaths.VoteStep,
        DecisionStep.ExtendVote => ConsolePaths.ExtendStep,
        DecisionStep.InPersonResult => ConsolePaths.InPersonStep,
        DecisionStep.Issue => ConsolePaths.IssueStep,
        DecisionStep.File => ConsolePaths.FileStep,
        DecisionStep.Review => ConsolePaths.ReviewStep,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    public static string Title(DecisionStep step) => step switch
    {
        DecisionStep.Vote => "Đưa dự thảo ra Ban Thường vụ biểu quyết",
        DecisionStep.ExtendVote => "Gia hạn biểu quyết",
        DecisionStep.InPersonResult => "Ghi nhận kết quả biểu quyết tại cuộc họp",
        DecisionStep.Issue => "Ban hành quy chế",
        DecisionStep.File => "Gửi quy chế lên cấp trên",
        DecisionStep.Review => "Ghi nhận kết quả rà soát định kỳ",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    public static string Explanation(DecisionStep step) => step switch
    {
        DecisionStep.Vote =>
            "Mỗi ủy viên Ban Thường vụ nhận thư điện tử có liên kết biểu quyết riêng đối với dự thảo mới nhất; dự thảo được thông qua khi quá nửa tổng số ủy viên đồng ý.",
        DecisionStep.ExtendVote =>
            "Dời hạn biểu quyết muộn hơn; các ủy viên chưa biểu quyết được báo hạn mới ngay, kèm liên kết mới.",
        DecisionStep.InPersonResult =>
            "Khi Ban Thường vụ đã biểu quyết dự thảo tại cuộc họp, ghi nhận kết quả theo biên bản họp thay cho biểu quyết qua thư điện tử.",
        DecisionStep.Issue =>
            "Cấp số, ký hiệu theo sổ văn bản của cấp ủy cho quy chế đã được Ban Thường vụ thông qua và ghi nhận người ký, ngày ban hành.",
        DecisionStep.File =>
            "Gửi quy chế đã ban hành đến văn phòng cấp ủy cấp trên; văn phòng cấp trên nhận liên kết để xác nhận tiếp nhận hoặc trả lại.",
        DecisionStep.Review =>
            "Ghi nhận cuộc họp rà soát định kỳ cùng biên bản và kết luận: giữ nguyên; sửa đổi, bổ sung; hoặc bãi bỏ quy chế.",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    /// <summary>The action as the domain names it in its refusals (<see cref="InvalidTransitionException.Action"/>).</summary>
    private static string Action(DecisionStep step) => step switch
    {
        DecisionStep.Vote => "start a vote",
        DecisionStep.ExtendVote => "extend the vote deadline",
        DecisionStep.InPersonResult => "record an in-person result",
        DecisionStep.Issue => "issue",
        DecisionStep.File => "file with the upper level",
        DecisionStep.Review => "record a review",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    /// <summary>
    /// Whether the regulation's stage lets the step's form be shown: the stage the step's command starts from. The
    /// command itself decides; this only spares the clerk a form that would be refused.
    /// </summary>
    public static bool Allows(DecisionStep step, Regulation regulation) => step switch
    {
        DecisionStep.Vote => regulation.ActiveCycle?.Stage == DraftingStage.Resolving,
        DecisionStep.ExtendVote or DecisionStep.InPersonResult => regulation.ActiveCycle?.Stage == DraftingStage.InVote,
        DecisionStep.Issue => regulation.ActiveCycle?.Stage == DraftingStage.Approved,
        DecisionStep.File => regulation.ActiveAmendment is { Status: AmendmentStatus.Issued }
            || (regulation.ActiveAmendment is null && regulation.Stage == RegulationStage.Issued),
        DecisionStep.Review => regulation.HasTextInForce && regulation.NextReviewDue is not null,
        _ => false,
    };

    /// <summary>Where the regulation stands: its stage, and the amendment's stage while one is under way.</summary>
    public static string StageLabel(Regulation regulation)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        string label = RegulationStageText.Label(regulation.Stage);
        return regulation.ActiveAmendment is { Status: AmendmentStatus.InProgress } amendment
            ? $"{label}; đang sửa đổi, bổ sung: {RegulationStageText.Label(StageOf(amendment.Cycle.Stage))}"
            : label;
    }

    /// <summary>
    /// The regulation of the step, for the signed-in person; or the page to answer instead: the sign-in page, "not
    /// found", or (when <paramref name="checkStage"/>) why the stage does not allow the step.
    /// </summary>
    public static async Task<(DecisionSubject? Subject, IResult? Answer)> OpenAsync(HttpContext context, StepServices services,
        string organisationId, string regulationId, DecisionStep step, bool checkStage, CancellationToken cancellationToken)
    {
        if (ConsoleUser.From(context.User) is not { Role: ApiRole.Office or ApiRole.UpperLevelOffice } user)
        {
            return (null, context.User.Identity?.IsAuthenticated == true ? NotFound() : SignIn(context));
        }

        if (!IdSyntax.IsValid(organisationId) || !IdSyntax.IsValid(regulationId) ||
            !await services.Access.CanReachAsync(context.User, organisationId, cancellationToken) ||
            await services.Stores.Organisations.GetAsync(organisationId, cancellationToken) is not { } organisation ||
            await services.Stores.Regulations.GetAsync(organisationId, regulationId, cancellationToken) is not { } loaded)
        {
            return (null, NotFound());
        }

        if (HttpMethods.IsPost(context.Request.Method) && !await services.Antiforgery.IsRequestValidAsync(context))
        {
            return (null, MessagePages.Show(StatusCodes.Status400BadRequest, "Biểu mẫu đã hết hiệu lực",
                "Biểu mẫu này đã hết hiệu lực hoặc không được gửi từ trang của hệ thống, nên chưa có gì được lưu. Đề nghị đồng chí tải lại trang rồi gửi lại.",
                tone: MessageTone.Error, backHref: context.Request.Path));
        }

        var regulation = Regulation.FromState(loaded.Value);
        var header = new StepHeader(Title(step), Explanation(step), regulation.Title, StageLabel(regulation),
            ConsolePaths.Regulation(organisationId, regulationId), ConsolePaths.Regulation(organisationId, regulationId, Segment(step)), user);
        DecisionSubject subject = new(organisation.Value, regulation, header);
        if (checkStage && !Allows(step, regulation))
        {
            return (null, NotAllowed(subject, StageRefusal(step, regulation)));
        }

        return (subject, null);
    }

    /// <summary>The page saying why the step cannot be taken now and what comes first (409).</summary>
    public static RazorComponentResult<StepRefusedPage> NotAllowed(DecisionSubject subject, DomainException refusal)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new(new Dictionary<string, object?>
        {
            [nameof(StepRefusedPage.Header)] = subject.Header,
            [nameof(StepRefusedPage.Message)] = RefusalCatalogue.Describe(refusal).Message,
        })
        {
            StatusCode = StatusCodes.Status409Conflict,
        };
    }

    /// <summary>
    /// Runs <paramref name="command"/> as the signed-in person under the form's request id: a form sent twice runs
    /// it once, and the second sending is answered as done.
    /// </summary>
    public static async Task<StepRun> RunOnceAsync<T>(HttpContext context, StepServices services, DecisionSubject subject, DecisionStep step,
        StepForm form, Func<RegulationWorkflow, Actor, CancellationToken, Task<T>> command, CancellationToken cancellationToken)
    {
        string organisationId = subject.OrganisationId;
        string regulationId = subject.RegulationId;
        string requestId = "console-" + form.RequestId;
        var actor = (await OfficeCaller.ActorOfAsync(context, cancellationToken)) with { RequestId = requestId };
        try
        {
            await services.Requests.ExecuteOnceAsync(requestId, $"console.{Segment(step)}.{organisationId}.{regulationId}",
                ct => command(services.Workflow, actor, ct),
                ct => services.Workflow.CompletePendingTailsAsync(organisationId, regulationId, ct), cancellationToken);
            return new StepRun(StepRunKind.Done);
        }
        catch (DomainException refusal)
        {
            return new StepRun(StepRunKind.Refused, refusal);
        }
        catch (LifecycleNotFoundException)
        {
            return new StepRun(StepRunKind.NotFound);
        }
        catch (ConcurrencyConflictException)
        {
            return new StepRun(StepRunKind.Conflict);
        }
        catch (RequestInProgressException)
        {
            return new StepRun(StepRunKind.InProgress);
        }
        catch (RequestIdReusedException)
        {
            return new StepRun(StepRunKind.RequestIdReused);
        }
    }

    /// <summary>
    /// The answer to a step's command that did not come back refused: done or under way → 303 to the regulation
    /// page; gone → not found; otherwise null, after putting the reason at the top of <paramref name="form"/>.
    /// </summary>
    public static IResult? Settle(StepRun run, DecisionSubject subject, StepForm form, IReadOnlyCollection<string> fields)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(form);
        switch (run.Kind)
        {
            case StepRunKind.Done or StepRunKind.InProgress:
                return new SeeOther(subject.Header.RegulationHref);
            case StepRunKind.NotFound:
                return NotFound();
            case StepRunKind.Refused:
                form.Refuse(run.Refusal!, fields, FieldOf);
                return null;
            case StepRunKind.Conflict:
                form.AddGeneral("Quy chế vừa được thay đổi cùng lúc ở nơi khác nên chưa ghi nhận được; đề nghị đồng chí gửi lại.");
                return null;
            default:
                form.AddGeneral("Biểu mẫu này đã được dùng cho một thao tác khác nên chưa được thực hiện; đề nghị đồng chí gửi lại.");
                return null;
        }
    }

    /// <summary>The form field a refusal concerns when the catalogue does not name one of the console's fields.</summary>
    public static string? FieldOf(RefusalCode code) => code switch
    {
        RefusalCode.VoteDeadlineNotAfterOpening or RefusalCode.VoteDeadlineNotLater => StepFields.Deadline,
        RefusalCode.MeetingDateOutsideRound => RegulationFormFields.MeetingDate,
        RefusalCode.MeetingVotesExceedMembers => RegulationFormFields.Agree,
        RefusalCode.MeetingResultContradictsVotes or RefusalCode.InPersonFailureWithoutReasons => RegulationFormFields.Passed,
        RefusalCode.MinutesRequired or RefusalCode.FinalDocumentEmpty => DocumentUploads.FilePart,
        RefusalCode.ReviewAmendBeforeAcknowledgement => RegulationFormFields.Outcome,
        RefusalCode.SupersedesOtherOrganisation or RefusalCode.AmendmentCannotSupersede => RegulationFormFields.SupersedesRegulationId,
        _ => null,
    };

    public static RazorComponentResult<MessagePage> NotFound() =>
        MessagePages.Show(
            StatusCodes.Status404NotFound,
            "Không tìm thấy quy chế",
            "Quy chế này không tồn tại hoặc không thuộc phạm vi của văn phòng đồng chí.",
            tone: MessageTone.Warning);

    private static SeeOther SignIn(HttpContext context) =>
        new(ConsolePaths.SignIn + "?" + ConsoleReturnUrl.Parameter + "=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));

    /// <summary>The domain's refusal of the step at the regulation's stage (an amendment's stage while one is under way).</summary>
    public static InvalidTransitionException StageRefusal(DecisionStep step, Regulation regulation) =>
        regulation.ActiveAmendment is { Status: AmendmentStatus.InProgress } amendment && step is not DecisionStep.Review
            ? new InvalidTransitionException("amendment", StageOf(amendment.Cycle.Stage).ToString(), Action(step))
            : new InvalidTransitionException("regulation", regulation.Stage.ToString(), Action(step));

    private static RegulationStage StageOf(DraftingStage stage) => stage switch
    {
        DraftingStage.Drafting => RegulationStage.Drafting,
        DraftingStage.InConsultation => RegulationStage.InConsultation,
        DraftingStage.Resolving => RegulationStage.Resolving,
        DraftingStage.InVote => RegulationStage.InVote,
        DraftingStage.Approved => RegulationStage.Approved,
        _ => RegulationStage.Issued,
    };
}
