using Microsoft.AspNetCore.Antiforgery;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

public static partial class RegulationConsolePages
{
    public static async Task<IResult> ShowConsultation(string organisationId, string regulationId, HttpContext context, OrganisationAccess access,
        LifecycleStores stores, PublicHolidayCalendar calendar, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(context, access, organisationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await ConsultationContextAsync(organisationId, regulationId, stores, cancellationToken) is not { } read)
        {
            return NotFound();
        }

        var suggested = ConsultationForm.SuggestedDeadline(calendar, timeProvider.GetUtcNow());
        ConsultationForm form = new([], [], "", suggested.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return ConsultationPageResult(context, StatusCodes.Status200OK, read.Regulation, read.Choices, form, new(), calendar, timeProvider);
    }

    public static async Task<IResult> OpenConsultation(string organisationId, string regulationId, HttpContext context, OrganisationAccess access,
        IAntiforgery antiforgery, LifecycleStores stores, RegulationWorkflow workflow, PublicHolidayCalendar calendar, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if ((await RefuseAsync(context, access, organisationId, cancellationToken) ?? await RefuseForgeryAsync(context, antiforgery)) is { } refused)
        {
            return refused;
        }

        if (await ConsultationContextAsync(organisationId, regulationId, stores, cancellationToken) is not { } read)
        {
            return NotFound();
        }

        var form = ConsultationForm.Read(await context.Request.ReadFormAsync(cancellationToken));
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (form.Validate(read.Choices, calendar, timeProvider.GetUtcNow(), errors) is not { } valid)
        {
            return ConsultationPageResult(context, StatusCodes.Status400BadRequest, read.Regulation, read.Choices, form, errors, calendar, timeProvider);
        }

        var actor = await OfficeCaller.ActorOfAsync(context, cancellationToken);
        var (round, refusal) = await RunAsync(() => workflow.OpenConsultationAsync(organisationId, regulationId, valid.Recipients, valid.Deadline, actor, cancellationToken));
        if (round is not null)
        {
            return new SeeOther(ConsolePaths.Regulation(organisationId, regulationId) + "?da=lay-y-kien#" + ConsolePaths.ConsultationStep);
        }

        errors[refusal!.Field == "email" ? ConsultationForm.EmailsField : ""] = refusal.Message;
        return ConsultationPageResult(context, StatusCodes.Status400BadRequest, read.Regulation, read.Choices, form, errors, calendar, timeProvider);
    }

    private static async Task<(Regulation Regulation, ConsultationChoices Choices)?> ConsultationContextAsync(
        string organisationId, string regulationId, LifecycleStores stores, CancellationToken cancellationToken)
    {
        if (!IdSyntax.IsValidReference(regulationId))
        {
            return null;
        }

        var organisation = stores.Organisations.GetAsync(organisationId, cancellationToken);
        var regulation = stores.Regulations.GetAsync(organisationId, regulationId, cancellationToken);
        var children = stores.Organisations.ListChildrenAsync(organisationId, cancellationToken);
        await Task.WhenAll(organisation, regulation, children);
        return await organisation is { } o && await regulation is { } r
            ? (Regulation.FromState(r.Value), new ConsultationChoices(o.Value, [.. (await children).OrderBy(c => c.Name, StringComparer.Ordinal)]))
            : null;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<ConsultationPage> ConsultationPageResult(HttpContext context, int statusCode, Regulation regulation, ConsultationChoices choices, ConsultationForm form,
        Dictionary<string, string> errors, PublicHolidayCalendar calendar, TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        var today = VietnamTime.DateOf(now);
        return Page<ConsultationPage>(context, statusCode, new()
        {
            [nameof(ConsultationPage.Regulation)] = regulation,
            [nameof(ConsultationPage.Choices)] = choices,
            [nameof(ConsultationPage.Form)] = form,
            [nameof(ConsultationPage.Errors)] = errors,
            [nameof(ConsultationPage.EarliestDeadline)] = calendar.NextWorkingDay(today),
            [nameof(ConsultationPage.UpcomingHolidays)] = calendar.Holidays.Where(d => d > today).Take(10).ToList(),
        });
    }
}
