using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Functions.Office;

namespace QuyCheWorkflow.Functions.OfficeConsole.Decisions;

public static partial class DecisionPages
{
    private const string CountMessage = "Đề nghị ghi số phiếu (số nguyên, từ 0 trở lên).";
    private const string MeetingDateMessage = "Đề nghị chọn ngày họp.";

    private static readonly string[] s_inPersonFields =
    [
        RegulationFormFields.MeetingDate, RegulationFormFields.Passed, RegulationFormFields.Agree, RegulationFormFields.Disagree,
        RegulationFormFields.Other, DocumentUploads.FilePart,
    ];

    private static readonly string[] s_reviewFields =
        [RegulationFormFields.MeetingDate, RegulationFormFields.Outcome, RegulationFormFields.Notes, DocumentUploads.FilePart];

    private static async Task<IResult> ShowInPersonResultAsync(string organisationId, string regulationId, HttpContext context,
        [AsParameters] StepServices services, CancellationToken cancellationToken)
    {
        var (subject, answer) = await DecisionSteps.OpenAsync(context, services, organisationId, regulationId, DecisionStep.InPersonResult, true, cancellationToken);
        return answer ?? await InPersonResultPageAsync(subject!, services,
            StepForm.Fresh([new(RegulationFormFields.MeetingDate, Today(services))]), StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<IResult> SubmitInPersonResultAsync(string organisationId, string regulationId, [FromForm] IFormCollection posted,
        HttpContext context, [AsParameters] StepServices services, CancellationToken cancellationToken)
    {
        var (subject, answer) = await DecisionSteps.OpenAsync(context, services, organisationId, regulationId, DecisionStep.InPersonResult, false, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var form = StepForm.Sent(posted);
        Dictionary<string, string[]> errors = new(StringComparer.Ordinal);
        var meetingDate = RegulationFormFields.Date(form.Value(RegulationFormFields.MeetingDate), RegulationFormFields.MeetingDate, MeetingDateMessage, errors);
        var passed = RegulationFormFields.Boolean(form.Value(RegulationFormFields.Passed), RegulationFormFields.Passed,
            "Đề nghị chọn kết quả: thông qua hoặc không thông qua.", errors);
        int agree = RegulationFormFields.Count(form.Value(RegulationFormFields.Agree), RegulationFormFields.Agree, CountMessage, errors);
        int disagree = RegulationFormFields.Count(form.Value(RegulationFormFields.Disagree), RegulationFormFields.Disagree, CountMessage, errors);
        int other = RegulationFormFields.Count(form.Value(RegulationFormFields.Other), RegulationFormFields.Other, CountMessage, errors);
        form.AddErrors(errors);
        var minutes = await UploadAsync(posted, form, services, "Đề nghị chọn tệp biên bản cuộc họp.", required: true, cancellationToken);
        if (!form.HasErrors)
        {
            var run = await DecisionSteps.RunOnceAsync(context, services, subject!, DecisionStep.InPersonResult, form,
                (w, actor, ct) => w.RecordInPersonResultAsync(organisationId, regulationId, meetingDate!.Value, passed!.Value, agree, disagree, other,
                    minutes!.Content, minutes.FileName, minutes.Kind.ContentType, actor, ct), cancellationToken);
            if (DecisionSteps.Settle(run, subject!, form, s_inPersonFields) is { } settled)
            {
                return settled;
            }
        }

        ChooseFileAgain(posted, form);
        return await InPersonResultPageAsync(subject!, services, form, StatusCodes.Status400BadRequest, cancellationToken);
    }

    private static async Task<IResult> InPersonResultPageAsync(DecisionSubject subject, StepServices services, StepForm form, int statusCode,
        CancellationToken cancellationToken)
    {
        if (await CurrentVoteAsync(subject, services, cancellationToken) is not { } round)
        {
            return DecisionSteps.NotAllowed(subject, new Domain.InvalidTransitionException("regulation", subject.Regulation.Stage.ToString(), "record an in-person result"));
        }

        return new RazorComponentResult<InPersonResultStepPage>(new Dictionary<string, object?>
        {
            [nameof(InPersonResultStepPage.Header)] = subject.Header,
            [nameof(InPersonResultStepPage.Form)] = form,
            [nameof(InPersonResultStepPage.MemberCount)] = round.Members.Count,
            [nameof(InPersonResultStepPage.Required)] = round.Rule.RequiredAgrees(round.Members.Count),
            [nameof(InPersonResultStepPage.Rule)] = round.Rule.Description,
            [nameof(InPersonResultStepPage.OpenedAt)] = round.OpenedAt,
        })
        {
            StatusCode = statusCode,
        };
    }

    private static async Task<IResult> ShowReviewAsync(string organisationId, string regulationId, HttpContext context,
        [AsParameters] StepServices services, CancellationToken cancellationToken)
    {
        var (subject, answer) = await DecisionSteps.OpenAsync(context, services, organisationId, regulationId, DecisionStep.Review, true, cancellationToken);
        return answer ?? ReviewPage(subject!, StepForm.Fresh([new(RegulationFormFields.MeetingDate, Today(services))]), StatusCodes.Status200OK);
    }

    private static async Task<IResult> SubmitReviewAsync(string organisationId, string regulationId, [FromForm] IFormCollection posted,
        HttpContext context, [AsParameters] StepServices services, CancellationToken cancellationToken)
    {
        var (subject, answer) = await DecisionSteps.OpenAsync(context, services, organisationId, regulationId, DecisionStep.Review, false, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var form = StepForm.Sent(posted);
        Dictionary<string, string[]> errors = new(StringComparer.Ordinal);
        var meetingDate = RegulationFormFields.Date(form.Value(RegulationFormFields.MeetingDate), RegulationFormFields.MeetingDate, MeetingDateMessage, errors);
        var outcome = RegulationFormFields.OneOf<ReviewOutcome>(form.Value(RegulationFormFields.Outcome), RegulationFormFields.Outcome, errors,
            "Đề nghị chọn kết luận: giữ nguyên; sửa đổi, bổ sung; hoặc bãi bỏ.");
        var notes = OrganisationFields.Paragraphs(form.Value(RegulationFormFields.Notes), RegulationFormFields.Notes, RegulationsApi.MaxFreeTextLength, errors);
        form.AddErrors(errors);
        var minutes = await UploadAsync(posted, form, services, "Đề nghị chọn tệp biên bản họp rà soát.", required: true, cancellationToken);
        if (!form.HasErrors)
        {
            var run = await DecisionSteps.RunOnceAsync(context, services, subject!, DecisionStep.Review, form,
                (w, actor, ct) => w.RecordReviewAsync(organisationId, regulationId, meetingDate!.Value, minutes!.Content, minutes.FileName,
                    minutes.Kind.ContentType, outcome!.Value, notes, actor, ct), cancellationToken);
            if (DecisionSteps.Settle(run, subject!, form, s_reviewFields) is { } settled)
            {
                return settled;
            }
        }

        ChooseFileAgain(posted, form);
        return ReviewPage(subject!, form, StatusCodes.Status400BadRequest);
    }

    private static RazorComponentResult<ReviewStepPage> ReviewPage(DecisionSubject subject, StepForm form, int statusCode) =>
        new(new Dictionary<string, object?>
        {
            [nameof(ReviewStepPage.Header)] = subject.Header,
            [nameof(ReviewStepPage.Form)] = form,
            [nameof(ReviewStepPage.Symbol)] = subject.Regulation.CurrentIssuance?.Number.Symbol,
            [nameof(ReviewStepPage.Due)] = subject.Regulation.NextReviewDue,
        })
        {
            StatusCode = statusCode,
        };

    /// <summary>
    /// The uploaded file of the form, checked as the API checks it; null with the message beside the file field when
    /// it is refused, or missing and <paramref name="required"/>.
    /// </summary>
    private static async Task<UploadedDocument?> UploadAsync(IFormCollection posted, StepForm form, StepServices services, string missing,
        bool required, CancellationToken cancellationToken)
    {
        var file = posted.Files.GetFile(DocumentUploads.FilePart);
        if (file is null || file.Length == 0)
        {
            if (required)
            {
                form.AddError(DocumentUploads.FilePart, missing);
            }

            return null;
        }

        var (document, refusal) = await DocumentUploads.CheckAsync(file, services.Options.Value.MaxUploadBytes, cancellationToken);
        if (refusal is not null)
        {
            form.AddError(DocumentUploads.FilePart, refusal.Detail);
        }

        return document;
    }

    /// <summary>A browser does not keep a chosen file when the form comes back: say so beside the file field.</summary>
    private static void ChooseFileAgain(IFormCollection posted, StepForm form)
    {
        if (posted.Files.GetFile(DocumentUploads.FilePart) is { Length: > 0 } && form.ErrorOf(DocumentUploads.FilePart) is null)
        {
            form.AddError(DocumentUploads.FilePart, "Tệp đã chọn chưa được lưu; đề nghị đồng chí chọn lại tệp trước khi gửi.");
        }
    }
}
