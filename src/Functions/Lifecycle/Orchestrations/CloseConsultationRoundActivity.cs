using QuyCheWorkflow.Domain.Calendar;
using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>Closes the round if its deadline passed and hands the draft to resolving (idempotent).</summary>
public sealed class CloseConsultationRoundActivity(RegulationWorkflow workflow, PublicHolidayCalendar calendar)
    : TaskActivity<LifecycleInstanceInput, ConsultationRoundView>
{
    public override async Task<ConsultationRoundView> RunAsync(TaskActivityContext context, LifecycleInstanceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var round = await workflow.CloseConsultationIfDueAsync(input.RegulationId, input.SubjectId, context.CancellationToken);
        return ReadConsultationRoundActivity.View(round, calendar);
    }
}
