using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Filings;
using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>The filing's status and reminder instants (<see cref="NoticeSchedule.FilingReminders"/>).</summary>
public sealed class ReadFilingActivity(LifecycleFacts facts, PublicHolidayCalendar calendar)
    : TaskActivity<LifecycleInstanceInput, FilingView>
{
    public override async Task<FilingView> RunAsync(TaskActivityContext context, LifecycleInstanceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var filing = Filing.FromState((await facts.Stores.Filings.GetAsync(input.RegulationId, input.SubjectId, context.CancellationToken))?.Value
            ?? throw new LifecycleNotFoundException($"Filing '{input.SubjectId}' does not exist."));
        return new FilingView(filing.Status, filing.SentAt, NoticeSchedule.FilingReminders(filing, calendar));
    }
}
