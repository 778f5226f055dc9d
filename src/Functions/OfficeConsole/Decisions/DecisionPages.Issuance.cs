using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Office;

namespace QuyCheWorkflow.Functions.OfficeConsole.Decisions;

public static partial class DecisionPages
{
    private const string IssueDateMessage = "Đề nghị chọn ngày ban hành.";
    private const string SignerMessage = "Đề nghị chọn người ký: Bí thư hoặc Phó Bí thư.";
    private const string SupersedesMessage = "Đề nghị chọn quy chế được thay thế trong danh sách, hoặc \"Không thay thế quy chế nào\".";

    private static readonly string[] s_chooseFields = [RegulationFormFields.IssueDate, RegulationFormFields.SignerMemberId, RegulationFormFields.SupersedesRegulationId];
    private static readonly string[] s_confirmFields =
        [RegulationFormFields.IssueDate, RegulationFormFields.SignerMemberId, RegulationFormFields.SupersedesRegulationId, DocumentUploads.FilePart];
    private static readonly string[] s_noFields = [];

    /// <summary>
    /// Without the preview flag: the date and signer to choose. With it (a GET: nothing is reserved or stored): the
    /// number, symbol and signing block an issue would give now, and the form that confirms it.
    /// </summary>
    private static async Task<IResult> ShowIssueAsync(string organisationId, string regulationId, HttpContext context,
        [AsParameters] StepServices services, CancellationToken cancellationToken)
    {
        var (subject, answer) = await DecisionSteps.OpenAsync(context, services, organisationId, regulationId, DecisionStep.Issue, true, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var query = context.Request.Query;

        // A new text most often replaces the one in force: the latest is offered until the clerk chooses otherwise.
        string supersedes = query.ContainsKey(RegulationFormFields.SupersedesRegulationId)
            ? query[RegulationFormFields.SupersedesRegulationId].ToString()
            : await services.Workflow.SupersedableAsync(organisationId, regulationId, cancellationToken) is [var latest, ..] ? latest.Id : string.Empty;
        var form = StepForm.Fresh([
            new(RegulationFormFields.IssueDate, query.ContainsKey(RegulationFormFields.IssueDate) ? query[RegulationFormFields.IssueDate].ToString() : Today(services)),
            new(RegulationFormFields.SignerMemberId, query[RegulationFormFields.SignerMemberId].ToString()),
            new(RegulationFormFields.SupersedesRegulationId, supersedes),
        ]);
        if (!query.ContainsKey(StepFields.PreviewFlag))
        {
            return await IssuePageAsync(subject!, services, form, null, StatusCodes.Status200OK, cancellationToken);
        }

        return await PreviewAsync(subject!, services, form, cancellationToken) is { } preview
            ? await IssuePageAsync(subject!, services, form, preview, StatusCodes.Status200OK, cancellationToken)
            : await IssuePageAsync(subject!, services, form, null, StatusCodes.Status400BadRequest, cancellationToken);
    }

    private static async Task<IResult> SubmitIssueAsync(string organisationId, string regulationId, [FromForm] IFormCollection posted,
        HttpContext context, [AsParameters] StepServices services, CancellationToken cancellationToken)
    {
        var (subject, answer) = await DecisionSteps.OpenAsync(context, services, organisationId, regulationId, DecisionStep.Issue, false, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var form = StepForm.Sent(posted);
        Dictionary<string, string[]> errors = new(StringComparer.Ordinal);
        var issueDate = RegulationFormFields.Date(form.Value(RegulationFormFields.IssueDate), RegulationFormFields.IssueDate, IssueDateMessage, errors);
        string signer = form.Value(RegulationFormFields.SignerMemberId).Trim();
        if (signer.Length == 0)
        {
            errors[RegulationFormFields.SignerMemberId] = [SignerMessage];
        }

        string? supersedes = await SupersedesAsync(subject!, services, form, errors, cancellationToken);
        form.AddErrors(errors);
        var document = await UploadAsync(posted, form, services, string.Empty, required: false, cancellationToken);
        if (!form.HasErrors)
        {
            var run = await DecisionSteps.RunOnceAsync(context, services, subject!, DecisionStep.Issue, form,
                (w, actor, ct) => w.IssueAsync(organisationId, regulationId, issueDate!.Value, signer, supersedes,
                    document is null ? null : new FinalDocument(document.Content, document.FileName, document.Kind.ContentType), actor, ct),
                cancellationToken);
            if (DecisionSteps.Settle(run, subject!, form, s_confirmFields) is { } settled)
            {
                return settled;
            }
        }

        // The date and the signer are chosen on the first form: a message about them goes back there.
        if (form.FieldErrors.Keys.Any(s_chooseFields.Contains))
        {
            return await IssuePageAsync(subject!, services, form, null, StatusCodes.Status400BadRequest, cancellationToken);
        }

        ChooseFileAgain(posted, form);
        var preview = await PreviewAsync(subject!, services, form, cancellationToken);
        return await IssuePageAsync(subject!, services, form, preview, StatusCodes.Status400BadRequest, cancellationToken);
    }

    /// <summary>What an issue with the form's date and signer would give; null with the messages in the form when refused.</summary>
    private static async Task<IssuePreview?> PreviewAsync(DecisionSubject subject, StepServices services, StepForm form, CancellationToken cancellationToken)
    {
        Dictionary<string, string[]> errors = new(StringComparer.Ordinal);
        var issueDate = RegulationFormFields.Date(form.Value(RegulationFormFields.IssueDate), RegulationFormFields.IssueDate, IssueDateMessage, errors);
        string signer = form.Value(RegulationFormFields.SignerMemberId).Trim();
        if (signer.Length == 0)
        {
            errors[RegulationFormFields.SignerMemberId] = [SignerMessage];
        }

        string? supersedes = await SupersedesAsync(subject, services, form, errors, cancellationToken);
        form.AddErrors(errors);
        if (errors.Count > 0)
        {
            return null;
        }

        try
        {
            return await services.Workflow.PreviewIssueAsync(subject.OrganisationId, subject.RegulationId, issueDate!.Value, signer, supersedes, cancellationToken);
        }
        catch (DomainException refusal)
        {
            form.Refuse(refusal, s_chooseFields, DecisionSteps.FieldOf);
            return null;
        }
    }

    /// <summary>
    /// The regulation the form says the issue supersedes: null for none (the empty choice); one of
    /// <see cref="RegulationWorkflow.SupersedableAsync"/>'s, else a message beside the field.
    /// </summary>
    private static async Task<string?> SupersedesAsync(DecisionSubject subject, StepServices services, StepForm form,
        Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        string chosen = form.Value(RegulationFormFields.SupersedesRegulationId).Trim();
        if (chosen.Length == 0)
        {
            return null;
        }

        var supersedable = await services.Workflow.SupersedableAsync(subject.OrganisationId, subject.RegulationId, cancellationToken);
        if (supersedable.Any(r => r.Id == chosen))
        {
            return chosen;
        }

        errors[RegulationFormFields.SupersedesRegulationId] = [SupersedesMessage];
        return null;
    }

    private static async Task<RazorComponentResult<IssueStepPage>> IssuePageAsync(DecisionSubject subject, StepServices services, StepForm form,
        IssuePreview? preview, int statusCode, CancellationToken cancellationToken) =>
        new(new Dictionary<string, object?>
        {
            [nameof(IssueStepPage.Header)] = subject.Header,
            [nameof(IssueStepPage.Form)] = form,
            [nameof(IssueStepPage.Members)] = subject.Organisation.Committee.Members,
            [nameof(IssueStepPage.ApprovedOn)] = (await CurrentVoteAsync(subject, services, cancellationToken))?.DecidedOn,
            [nameof(IssueStepPage.Preview)] = preview,
            [nameof(IssueStepPage.Supersedable)] = await services.Workflow.SupersedableAsync(subject.OrganisationId, subject.RegulationId, cancellationToken),
            [nameof(IssueStepPage.IssueDate)] = preview is null ? default : DateOnly.ParseExact(form.Value(RegulationFormFields.IssueDate), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            StatusCode = statusCode,
        };

    private static async Task<IResult> ShowFileAsync(string organisationId, string regulationId, HttpContext context,
        [AsParameters] StepServices services, CancellationToken cancellationToken)
    {
        var (subject, answer) = await DecisionSteps.OpenAsync(context, services, organisationId, regulationId, DecisionStep.File, true, cancellationToken);
        return answer ?? await FilePageAsync(subject!, services, StepForm.Fresh(), StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<IResult> SubmitFileAsync(string organisationId, string regulationId, [FromForm] IFormCollection posted,
        HttpContext context, [AsParameters] StepServices services, CancellationToken cancellationToken)
    {
        var (subject, answer) = await DecisionSteps.OpenAsync(context, services, organisationId, regulationId, DecisionStep.File, false, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var form = StepForm.Sent(posted);
        if (!form.HasErrors)
        {
            var run = await DecisionSteps.RunOnceAsync(context, services, subject!, DecisionStep.File, form,
                (w, actor, ct) => w.FileAsync(organisationId, regulationId, actor, ct), cancellationToken);
            if (DecisionSteps.Settle(run, subject!, form, s_noFields) is { } settled)
            {
                return settled;
            }
        }

        return await FilePageAsync(subject!, services, form, StatusCodes.Status400BadRequest, cancellationToken);
    }

    /// <summary>The filing form, or, for an organisation without an upper level, the domain's refusal.</summary>
    private static async Task<IResult> FilePageAsync(DecisionSubject subject, StepServices services, StepForm form, int statusCode,
        CancellationToken cancellationToken)
    {
        var regulation = subject.Regulation;
        var upperLevel = subject.Organisation.ParentId is { } parentId
            ? (await services.Stores.Organisations.GetAsync(parentId, cancellationToken))?.Value
            : null;
        if (upperLevel is null)
        {
            return DecisionSteps.NotAllowed(subject, new DomainException(RefusalCode.NoUpperLevel, "No upper level to file with.",
                new Dictionary<string, string> { ["organisation"] = subject.Organisation.Name }));
        }

        var text = regulation.ActiveAmendment is { Status: AmendmentStatus.Issued } amendment ? amendment.Cycle.Issuance : regulation.CurrentIssuance;
        return new RazorComponentResult<FileStepPage>(new Dictionary<string, object?>
        {
            [nameof(FileStepPage.Header)] = subject.Header,
            [nameof(FileStepPage.Form)] = form,
            [nameof(FileStepPage.Symbol)] = text?.Number.Symbol ?? string.Empty,
            [nameof(FileStepPage.UpperLevel)] = upperLevel,
        })
        {
            StatusCode = statusCode,
        };
    }
}
