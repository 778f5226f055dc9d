using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Functions.ApiReference;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// The clerk's regulation commands, each a call of <see cref="RegulationWorkflow"/> for an organisation the caller
/// reaches. Each answers with a response record of the API's own (<see cref="RegulationResponse"/>, ...), mapped from
/// the command's outcome, never with the stored state. An <c>Idempotency-Key</c> header makes a command run once
/// (<see cref="RequestLog"/>): a retry gets the first outcome, mapped the same way. Refused transitions answer 409, unknown regulations 404, documents that are not DOCX/PDF by
/// content 415, oversized bodies 413, all as problem details.
/// </summary>
public static class RegulationsApi
{
    public const string Path = "/api/organisations/{organisationId}/regulations";
    public const string IdempotencyKeyHeader = IdempotencyKeys.Header;

    /// <summary>The longest explanation or note, in characters as people count them; the pages' comment limit.</summary>
    public const int MaxFreeTextLength = Web.Components.OpinionForm.CommentMaxLength;

    public static RouteGroupBuilder MapRegulationsApi(this IEndpointRouteBuilder endpoints, long maxUploadBytes)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Path)
            .RequireAuthorization(QuyCheWorkflowPolicies.AnyOffice)
            .WithTags("Regulations")
            .WithMetadata(new RequestSizeLimitAttribute(OfficeApiOptions.MaxJsonBodyBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        var uploadLimit = new RequestSizeLimitAttribute(maxUploadBytes + OfficeApiOptions.MultipartOverheadBytes);
        var minutes = ApiField.Document("The signed minutes of the meeting: DOCX or PDF, recognised by content.");

        group.MapPost("/", CreateRegulation).WithName(nameof(CreateRegulation))
            .WithSummary("Start a regulation")
            .WithDescription("Starts a regulation of the organisation, with an empty draft or from the model regulation in effect (startFrom \"model\") or the regulation of the previous term (\"previousTerm\").");
        group.MapGet("/{regulationId}", GetRegulation).WithName(nameof(GetRegulation))
            .WithSummary("Read a regulation")
            .WithDescription("The regulation: its stage, its drafting cycle (drafts, ids of its consultation and vote rounds), amendments, the issuance in force, filings and review dates.");
        group.MapPost("/{regulationId}/drafts", UploadDraft).WithName(nameof(UploadDraft))
            .WithMetadata(uploadLimit).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Upload a draft")
            .WithDescription("Adds a new draft version (DOCX or PDF, recognised by content, not by name). 413 over Office:MaxUploadBytes, 415 when it is neither DOCX nor PDF, 422 when it cannot be opened (encrypted, empty, legacy .doc).")
            .WithFormFields(ApiField.Document("The draft: DOCX or PDF, recognised by content."))
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{regulationId}/consultation", OpenConsultation).WithName(nameof(OpenConsultation))
            .WithSummary("Open a consultation round")
            .WithDescription("Sends the current draft to the recipients for comments until the deadline (ISO 8601).");
        group.MapPost("/{regulationId}/comments/{commentId}/resolution", ResolveComment).WithName(nameof(ResolveComment))
            .WithSummary("Resolve a comment")
            .WithDescription("Records how a consultation comment is taken up (outcome) with its explanation, on the resolution sheet.");
        group.MapGet("/{regulationId}/resolution-sheet.docx", DownloadResolutionSheet).WithName(nameof(DownloadResolutionSheet))
            .ProducesText(StatusCodes.Status200OK, ResolutionTableDocument.ContentType, "The resolution table as a Word document (binary).")
            .WithSummary("Download the resolution table")
            .WithDescription("The latest resolution sheet as a Word document (bảng tổng hợp tiếp thu, giải trình ý kiến): one row per comment with its article, text, author and how it was taken up. 404 before any consultation round has closed.");
        group.MapPost("/{regulationId}/vote", SubmitForVote).WithName(nameof(SubmitForVote))
            .WithSummary("Submit for the committee's vote")
            .WithDescription("Opens a vote round of the standing committee on the current draft, until the deadline (ISO 8601); each member is sent a vote link.");
        group.MapPost("/{regulationId}/vote/deadline", ExtendVoteDeadline).WithName(nameof(ExtendVoteDeadline))
            .WithSummary("Extend the vote deadline")
            .WithDescription("Moves the open vote round's deadline later.");
        group.MapPost("/{regulationId}/vote/in-person-result", RecordInPersonResult).WithName(nameof(RecordInPersonResult))
            .WithMetadata(uploadLimit).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Record an in-person vote")
            .WithDescription("Records the result of a vote held at a meeting, with its minutes, instead of the mailed vote.")
            .WithFormFields(
                minutes,
                ApiField.Date("meetingDate", "The day of the meeting, yyyy-MM-dd."),
                new ApiField("passed", "boolean", "Whether the draft passed: true or false.", Required: true),
                new ApiField("agree", "integer", "Members who agreed (a non-negative integer).", Required: true),
                new ApiField("disagree", "integer", "Members who disagreed (a non-negative integer).", Required: true),
                new ApiField("other", "integer", "Members with another opinion or absent (a non-negative integer).", Required: true))
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{regulationId}/issuance", Issue).WithName(nameof(Issue))
            .WithMetadata(uploadLimit).DisableAntiforgery()
            .Accepts<IssueRequest>("application/json", "multipart/form-data")
            .WithSummary("Issue the regulation")
            .WithDescription("JSON: the approved draft is the issued text. Multipart: the same fields plus a 'file' part (DOCX or PDF by content), the signed document as issued, which becomes the final document. 415 for another content type.")
            .WithFormFields(
                ApiField.Document("The signed, numbered document as issued: DOCX or PDF, recognised by content."),
                ApiField.Date("issueDate", "The day of issue, yyyy-MM-dd."),
                new ApiField("signerMemberId", "string", "The committee member who signs (the secretary or a deputy secretary); or give signerName."),
                new ApiField("signerName", "string", "The signer's full name, when signerMemberId is not given."),
                new ApiField(RegulationFormFields.SupersedesRegulationId, "string", "The regulation this one replaces, if any."))
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{regulationId}/filing", File).WithName(nameof(File))
            .WithSummary("File with the upper level")
            .WithDescription("Sends the issued regulation to the upper-level office for filing.");
        group.MapPost("/{regulationId}/reviews", RecordReview).WithName(nameof(RecordReview))
            .WithMetadata(uploadLimit).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Record a periodic review")
            .WithDescription("Records the periodic review of an issued regulation: the meeting, its minutes and its outcome.")
            .WithFormFields(
                minutes,
                ApiField.Date("meetingDate", "The day of the review meeting, yyyy-MM-dd."),
                ApiField.OneOf<ReviewOutcome>("outcome", "What the review decided.", required: true),
                new ApiField("notes", "string", $"Notes, at most {MaxFreeTextLength} characters."))
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return group;
    }

    public static async Task<Results<Ok<RegulationResponse>, ValidationProblem, ProblemHttpResult>> CreateRegulation(
        string organisationId, CreateRegulationRequest? request, HttpContext context, Commands commands, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var regulationId = OrganisationFields.Id(request?.RegulationId, "regulationId", errors);
        var title = OrganisationFields.Name(request?.Title, "title", errors);
        DraftOrigin? startFrom = request?.StartFrom?.Trim() switch
        {
            null or "" => null,
            "model" => DraftOrigin.Model,
            "previousTerm" => DraftOrigin.PreviousTerm,
            _ => Invalid(errors, "startFrom", "Nguồn dự thảo là \"model\" (quy chế mẫu) hoặc \"previousTerm\" (quy chế nhiệm kỳ trước), hoặc bỏ trống."),
        };
        if (errors.Count > 0)
        {
            return OfficeProblems.Invalid(errors);
        }

        return await commands.RunAsync(context, organisationId, nameof(CreateRegulation),
            (w, actor, ct) => startFrom is { } origin
                ? w.CreateRegulationFromAsync(organisationId, regulationId!, title!, null, origin, actor, ct)
                : w.CreateRegulationAsync(organisationId, regulationId!, title!, null, actor, ct),
            RegulationResponse.From, cancellationToken);
    }

    public static async Task<Results<Ok<RegulationResponse>, ProblemHttpResult>> GetRegulation(
        string organisationId, string regulationId, HttpContext context, OrganisationAccess access, RegulationStore regulations,
        CancellationToken cancellationToken)
    {
        if (!await Commands.ReachesAsync(context, access, organisationId, cancellationToken) ||
            await regulations.GetAsync(organisationId, regulationId, cancellationToken) is not { } loaded)
        {
            return OfficeProblems.NotFound("quy chế");
        }

        return TypedResults.Ok(RegulationResponse.From(loaded.Value));
    }

    public static async Task<Results<Ok<DraftResponse>, ValidationProblem, ProblemHttpResult>> UploadDraft(
        string organisationId, string regulationId, HttpContext context, Commands commands, IOptions<OfficeApiOptions> options,
        CancellationToken cancellationToken)
    {
        if (!await commands.ReachesAsync(context, organisationId, cancellationToken))
        {
            return OfficeProblems.NotFound("tổ chức");
        }

        var (document, problem, _) = await DocumentUploads.ReadAsync(context.Request, options.Value.MaxUploadBytes, cancellationToken);
        if (document is null)
        {
            return Refused<DraftResponse>(problem!);
        }

        return await commands.RunAsync(context, organisationId, nameof(UploadDraft),
            (w, actor, ct) => w.UploadDraftAsync(organisationId, regulationId, document.Content, document.FileName, document.Kind.ContentType, actor, ct),
            DraftResponse.From, cancellationToken);
    }

    public static async Task<Results<Ok<ConsultationRoundResponse>, ValidationProblem, ProblemHttpResult>> OpenConsultation(
        string organisationId, string regulationId, OpenConsultationRequest? request, HttpContext context, Commands commands,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request?.Recipients is not { Count: > 0 } recipients)
        {
            errors["recipients"] = ["Cần ít nhất một cá nhân hoặc tổ chức được lấy ý kiến."];
            recipients = [];
        }

        for (var i = 0; i < recipients.Count; i++)
        {
            OrganisationFields.Id(recipients[i]?.RecipientId, $"recipients[{i}].recipientId", errors);
            OrganisationFields.Name(recipients[i]?.Name, $"recipients[{i}].name", errors);
            OrganisationFields.Email(recipients[i]?.Email, $"recipients[{i}].email", optional: false, errors);
        }

        if (request?.Deadline is null)
        {
            errors["deadline"] = ["Cần hạn góp ý (ngày giờ ISO 8601)."];
        }

        if (errors.Count > 0)
        {
            return OfficeProblems.Invalid(errors);
        }

        return await commands.RunAsync(context, organisationId, nameof(OpenConsultation),
            (w, actor, ct) => w.OpenConsultationAsync(organisationId, regulationId, recipients, request!.Deadline!.Value, actor, ct),
            ConsultationRoundResponse.From, cancellationToken);
    }

    public static async Task<Results<Ok<ResolutionSheetResponse>, ValidationProblem, ProblemHttpResult>> ResolveComment(
        string organisationId, string regulationId, string commentId, ResolveCommentRequest? request, HttpContext context,
        Commands commands, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var outcome = RegulationFormFields.OneOf<ResolutionOutcome>(request?.Outcome, "outcome", errors);
        var explanation = OrganisationFields.Paragraphs(request?.Explanation, "explanation", MaxFreeTextLength, errors);
        if (explanation is null && !errors.ContainsKey("explanation"))
        {
            errors["explanation"] = ["Cần nội dung giải trình."];
        }

        if (errors.Count > 0)
        {
            return OfficeProblems.Invalid(errors);
        }

        return await commands.RunAsync(context, organisationId, nameof(ResolveComment),
            (w, actor, ct) => w.ResolveCommentAsync(organisationId, regulationId, commentId, outcome!.Value, explanation!, actor, ct),
            ResolutionSheetResponse.From, cancellationToken);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadResolutionSheet(
        string organisationId, string regulationId, HttpContext context, OrganisationAccess access, LifecycleStores stores, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (!await Commands.ReachesAsync(context, access, organisationId, cancellationToken) || !IdSyntaxValid(regulationId)
            || await ResolutionTables.BuildAsync(stores, timeProvider, organisationId, regulationId, cancellationToken) is not { } table)
        {
            return OfficeProblems.NotFound("bảng tổng hợp tiếp thu, giải trình");
        }

        return TypedResults.File(table.Content, ResolutionTableDocument.ContentType, table.FileName);
    }

    private static bool IdSyntaxValid(string id) => OrganisationFields.Id(id, "regulationId", new(StringComparer.Ordinal)) is not null;

    public static async Task<Results<Ok<VoteRoundResponse>, ValidationProblem, ProblemHttpResult>> SubmitForVote(
        string organisationId, string regulationId, DeadlineRequest? request, HttpContext context, Commands commands,
        CancellationToken cancellationToken) =>
        request?.Deadline is not { } deadline
            ? OfficeProblems.Invalid("deadline", "Cần hạn biểu quyết (ngày giờ ISO 8601).")
            : await commands.RunAsync(context, organisationId, nameof(SubmitForVote),
                (w, actor, ct) => w.SubmitForVoteAsync(organisationId, regulationId, deadline, actor, ct), VoteRoundResponse.From, cancellationToken);

    public static async Task<Results<Ok<VoteRoundResponse>, ValidationProblem, ProblemHttpResult>> ExtendVoteDeadline(
        string organisationId, string regulationId, DeadlineRequest? request, HttpContext context, Commands commands,
        CancellationToken cancellationToken) =>
        request?.Deadline is not { } deadline
            ? OfficeProblems.Invalid("deadline", "Cần hạn biểu quyết mới (ngày giờ ISO 8601).")
            : await commands.RunAsync(context, organisationId, nameof(ExtendVoteDeadline),
                (w, actor, ct) => w.ExtendVoteDeadlineAsync(organisationId, regulationId, deadline, actor, ct), VoteRoundResponse.From,
                cancellationToken);

    /// <summary>Multipart: <c>file</c> (the minutes), <c>meetingDate</c> (yyyy-MM-dd), <c>passed</c> (true/false), <c>agree</c>, <c>disagree</c>, <c>other</c>.</summary>
    public static async Task<Results<Ok<VoteRoundResponse>, ValidationProblem, ProblemHttpResult>> RecordInPersonResult(
        string organisationId, string regulationId, HttpContext context, Commands commands, IOptions<OfficeApiOptions> options,
        CancellationToken cancellationToken)
    {
        if (!await commands.ReachesAsync(context, organisationId, cancellationToken))
        {
            return OfficeProblems.NotFound("tổ chức");
        }

        var (minutes, problem, form) = await DocumentUploads.ReadAsync(context.Request, options.Value.MaxUploadBytes, cancellationToken);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        bool? passed = RegulationFormFields.Boolean(form?[RegulationFormFields.Passed], RegulationFormFields.Passed,
            "Cần kết quả: true (thông qua) hoặc false (không thông qua).", errors);
        DateOnly? meetingDate = RegulationFormFields.Date(form?[RegulationFormFields.MeetingDate], RegulationFormFields.MeetingDate, "Cần ngày họp (yyyy-MM-dd).", errors);
        var agree = RegulationFormFields.Count(form?[RegulationFormFields.Agree], RegulationFormFields.Agree, CountMessage, errors);
        var disagree = RegulationFormFields.Count(form?[RegulationFormFields.Disagree], RegulationFormFields.Disagree, CountMessage, errors);
        var other = RegulationFormFields.Count(form?[RegulationFormFields.Other], RegulationFormFields.Other, CountMessage, errors);
        if (minutes is null)
        {
            return Refused<VoteRoundResponse>(problem!);
        }

        if (errors.Count > 0)
        {
            return OfficeProblems.Invalid(errors);
        }

        return await commands.RunAsync(context, organisationId, nameof(RecordInPersonResult),
            (w, actor, ct) => w.RecordInPersonResultAsync(organisationId, regulationId, meetingDate!.Value, passed!.Value, agree, disagree, other,
                minutes.Content, minutes.FileName, minutes.Kind.ContentType, actor, ct), VoteRoundResponse.From, cancellationToken);
    }

    /// <summary>
    /// JSON (<see cref="IssueRequest"/>): the approved draft is the issued text. Or multipart with the same fields
    /// (<c>issueDate</c>, <c>signerMemberId</c> or <c>signerName</c>, <c>supersedesRegulationId</c>) and <c>file</c>: the signed, numbered
    /// document as issued (DOCX or PDF by content), which becomes the final document.
    /// </summary>
    public static async Task<Results<Ok<RegulationResponse>, ValidationProblem, ProblemHttpResult>> Issue(
        string organisationId, string regulationId, HttpContext context, Commands commands, IOptions<OfficeApiOptions> options,
        CancellationToken cancellationToken)
    {
        if (!await commands.ReachesAsync(context, organisationId, cancellationToken))
        {
            return OfficeProblems.NotFound("tổ chức");
        }

        IssueRequest? request;
        UploadedDocument? document = null;
        if (context.Request.HasFormContentType)
        {
            var (uploaded, problem, form) = await DocumentUploads.ReadAsync(context.Request, options.Value.MaxUploadBytes, cancellationToken);
            if (uploaded is null)
            {
                return Refused<RegulationResponse>(problem!);
            }

            document = uploaded;
            request = new IssueRequest(
                RegulationFormFields.Date(form?[RegulationFormFields.IssueDate], RegulationFormFields.IssueDate, string.Empty, new(StringComparer.Ordinal)),
                form?["signerMemberId"], form?["signerName"], form?[RegulationFormFields.SupersedesRegulationId]);
        }
        else if (context.Request.HasJsonContentType())
        {
            try
            {
                request = await context.Request.ReadFromJsonAsync<IssueRequest>(cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                return OfficeProblems.Invalid("body", "Nội dung JSON không hợp lệ.");
            }
        }
        else
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Kiểu nội dung không được hỗ trợ", detail: "Gửi application/json, hoặc multipart/form-data kèm tệp văn bản ban hành.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request?.IssueDate is null)
        {
            errors["issueDate"] = ["Cần ngày ban hành (yyyy-MM-dd)."];
        }

        string? signer = null;
        if (!string.IsNullOrWhiteSpace(request?.SignerMemberId))
        {
            signer = request.SignerMemberId.Trim();
        }
        else if (string.IsNullOrWhiteSpace(request?.SignerName))
        {
            errors["signerMemberId"] = ["Cần người ký: Bí thư hoặc Phó Bí thư (signerMemberId, hoặc họ tên ở signerName)."];
        }
        else
        {
            signer = OrganisationFields.Name(request.SignerName, "signerName", errors);
        }
        if (errors.Count > 0)
        {
            return OfficeProblems.Invalid(errors);
        }

        var supersedes = string.IsNullOrWhiteSpace(request!.SupersedesRegulationId) ? null : request.SupersedesRegulationId.Trim();
        return await commands.RunAsync(context, organisationId, nameof(Issue),
            (w, actor, ct) => document is null
                ? w.IssueAsync(organisationId, regulationId, request.IssueDate!.Value, signer!, supersedes, actor, ct)
                : w.IssueAsync(organisationId, regulationId, request.IssueDate!.Value, signer!, supersedes,
                    new FinalDocument(document.Content, document.FileName, document.Kind.ContentType), actor, ct),
            RegulationResponse.From, cancellationToken);
    }

    public static async Task<Results<Ok<FilingResponse>, ValidationProblem, ProblemHttpResult>> File(
        string organisationId, string regulationId, HttpContext context, Commands commands, CancellationToken cancellationToken) =>
        await commands.RunAsync(context, organisationId, nameof(File),
            (w, actor, ct) => w.FileAsync(organisationId, regulationId, actor, ct), FilingResponse.From, cancellationToken);

    /// <summary>Multipart: <c>file</c> (the minutes), <c>meetingDate</c> (yyyy-MM-dd), <c>outcome</c> (Keep, Amend, Repeal), <c>notes</c>.</summary>
    public static async Task<Results<Ok<ReviewResponse>, ValidationProblem, ProblemHttpResult>> RecordReview(
        string organisationId, string regulationId, HttpContext context, Commands commands, IOptions<OfficeApiOptions> options,
        CancellationToken cancellationToken)
    {
        if (!await commands.ReachesAsync(context, organisationId, cancellationToken))
        {
            return OfficeProblems.NotFound("tổ chức");
        }

        var (minutes, problem, form) = await DocumentUploads.ReadAsync(context.Request, options.Value.MaxUploadBytes, cancellationToken);
        if (minutes is null)
        {
            return Refused<ReviewResponse>(problem!);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateOnly? meetingDate = RegulationFormFields.Date(form?[RegulationFormFields.MeetingDate], RegulationFormFields.MeetingDate, "Cần ngày họp (yyyy-MM-dd).", errors);
        var outcome = RegulationFormFields.OneOf<ReviewOutcome>(form?[RegulationFormFields.Outcome], RegulationFormFields.Outcome, errors);
        var notes = OrganisationFields.Paragraphs(form?[RegulationFormFields.Notes], RegulationFormFields.Notes, MaxFreeTextLength, errors);
        if (errors.Count > 0)
        {
            return OfficeProblems.Invalid(errors);
        }

        return await commands.RunAsync(context, organisationId, nameof(RecordReview),
            (w, actor, ct) => w.RecordReviewAsync(organisationId, regulationId, meetingDate!.Value, minutes.Content, minutes.FileName,
                minutes.Kind.ContentType, outcome!.Value, notes, actor, ct), ReviewResponse.From, cancellationToken);
    }

    private static DraftOrigin? Invalid(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return null;
    }

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Refused<T>(IResult problem) =>
        problem is ValidationProblem validation ? validation : (ProblemHttpResult)problem;

    private const string CountMessage = "Cần một số nguyên không âm.";

    /// <summary>Runs workflow commands for a caller: reach check, idempotency, and errors as problem details.</summary>
    public sealed class Commands(RegulationWorkflow workflow, OrganisationAccess access, RequestLog requests)
    {
        internal static async Task<bool> ReachesAsync(HttpContext context, OrganisationAccess access, string organisationId, CancellationToken cancellationToken) =>
            OrganisationFields.Id(organisationId, "organisationId", new(StringComparer.Ordinal)) is not null &&
            await access.CanReachAsync(context.User, organisationId, cancellationToken);

        internal Task<bool> ReachesAsync(HttpContext context, string organisationId, CancellationToken cancellationToken) =>
            ReachesAsync(context, access, organisationId, cancellationToken);

        internal Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> RunAsync<T>(
            HttpContext context, string organisationId, string commandName,
            Func<RegulationWorkflow, Actor, CancellationToken, Task<T>> command, CancellationToken cancellationToken) =>
            RunAsync(context, organisationId, commandName, command, outcome => outcome, cancellationToken);

        /// <summary>
        /// Runs <paramref name="command"/> and answers <paramref name="respond"/> of its outcome. With an
        /// <c>Idempotency-Key</c> the request log keeps the outcome itself, not the answer, and a retry is answered
        /// from it through the same <paramref name="respond"/>: the same body as the first time.
        /// </summary>
        internal async Task<Results<Ok<TResponse>, ValidationProblem, ProblemHttpResult>> RunAsync<T, TResponse>(
            HttpContext context, string organisationId, string commandName,
            Func<RegulationWorkflow, Actor, CancellationToken, Task<T>> command, Func<T, TResponse> respond, CancellationToken cancellationToken)
        {
            if (!await ReachesAsync(context, organisationId, cancellationToken))
            {
                return OfficeProblems.NotFound("tổ chức");
            }

            var actor = await OfficeCaller.ActorOfAsync(context, cancellationToken);
            var key = context.Request.Headers[IdempotencyKeyHeader].ToString().Trim();
            if (key.Length > 0 && OrganisationFields.Id(key, IdempotencyKeyHeader, new(StringComparer.Ordinal)) is null)
            {
                return OfficeProblems.Invalid(IdempotencyKeyHeader, "Idempotency-Key tối đa 64 ký tự chữ, số, '-', '_' hoặc '.'.");
            }

            try
            {
                string requestId = $"api-{organisationId}-{key}";
                string? regulationId = context.GetRouteValue("regulationId") as string;
                var outcome = key.Length == 0
                    ? await command(workflow, actor, cancellationToken)
                    : await requests.ExecuteOnceAsync(requestId,
                        await IdempotencyKeys.CommandOfAsync(context.Request, commandName, cancellationToken),
                        ct => command(workflow, actor with { RequestId = requestId }, ct),
                        ct => workflow.CompletePendingTailsAsync(organisationId, regulationId, ct), cancellationToken);
                return TypedResults.Ok(respond(outcome));
            }
            catch (LifecycleNotFoundException)
            {
                return OfficeProblems.NotFound("quy chế hoặc đợt góp ý/biểu quyết");
            }
            catch (DomainException exception)
            {
                return OfficeProblems.Refused(exception);
            }
            catch (ConcurrencyConflictException)
            {
                return OfficeProblems.Conflict("Quy chế vừa được thay đổi đồng thời; đề nghị thử lại.");
            }
            catch (RequestInProgressException)
            {
                return OfficeProblems.Conflict("Yêu cầu cùng Idempotency-Key đang được xử lý; đề nghị thử lại sau.");
            }
            catch (RequestIdReusedException)
            {
                return OfficeProblems.KeyReused();
            }
        }
    }
}
