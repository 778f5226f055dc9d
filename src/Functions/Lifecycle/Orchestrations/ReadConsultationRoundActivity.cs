using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>The round's status, deadline and reminder instants (<see cref="NoticeSchedule.ConsultationReminders"/>).</summary>
public sealed class ReadConsultationRoundActivity(LifecycleFacts facts, PublicHolidayCalendar calendar)
    : TaskActivity<LifecycleInstanceInput, ConsultationRoundView>
{
    public override async Task<ConsultationRoundView> RunAsync(TaskActivityContext context, LifecycleInstanceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var round = (await facts.Stores.Consultations.GetRoundAsync(input.RegulationId, input.SubjectId, context.CancellationToken))?.Value
            ?? throw new LifecycleNotFoundException($"Consultation round '{input.SubjectId}' does not exist.");
        return View(round, calendar);
    }

    internal static ConsultationRoundView View(ConsultationRoundState round, PublicHolidayCalendar calendar) =>
        new(round.Status, round.OpenedAt, round.Deadline, NoticeSchedule.ConsultationReminders(round.OpenedAt, round.Deadline, calendar));
}
