using QuyCheWorkflow.Domain.Filings;
using Microsoft.DurableTask;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>
/// One filing with the upper level: the notice with its acknowledgement link, reminders per
/// <see cref="FilingReminderPolicy"/> until the upper level acknowledges or returns it, and on a return the
/// reasons to the organisation's office. Ends with the answer.
/// </summary>
public sealed class FilingOrchestrator : TaskOrchestrator<LifecycleInstanceInput, FilingStatus>
{
    public override async Task<FilingStatus> RunAsync(TaskOrchestrationContext context, LifecycleInstanceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = await context.CallActivityAsync<FilingView>(nameof(ReadFilingActivity), input);
        if (view.Status == FilingStatus.Sent)
        {
            await context.CallActivityAsync<int>(nameof(SendFilingNoticesActivity), new NoticeRequest(input, NoticeKind.FilingSubmitted, view.SentAt));
        }

        while (view.Status == FilingStatus.Sent)
        {
            var reminder = LifecycleWaits.Next(view.Reminders, LifecycleWaits.Now(context));
            bool changed = await LifecycleWaits.UntilOrChangedAsync(context, reminder, reminder is null ? "answer" : "reminder");
            view = await context.CallActivityAsync<FilingView>(nameof(ReadFilingActivity), input);
            if (!changed && view.Status == FilingStatus.Sent && reminder is { } at)
            {
                await context.CallActivityAsync<int>(nameof(SendFilingNoticesActivity), new NoticeRequest(input, NoticeKind.FilingReminder, at));
            }
        }

        if (view.Status == FilingStatus.Returned)
        {
            await context.CallActivityAsync<int>(nameof(SendFilingNoticesActivity), new NoticeRequest(input, NoticeKind.FilingReturned, view.SentAt));
        }

        return view.Status;
    }
}
