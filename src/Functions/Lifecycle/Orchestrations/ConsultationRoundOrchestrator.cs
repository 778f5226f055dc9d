using QuyCheWorkflow.Domain.Consultations;
using Microsoft.DurableTask;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>
/// One consultation round: invitations with personal links, reminders to those who have not answered at the
/// policy's instants (08:00 Vietnam time, working days before the deadline), and closing the round at the
/// deadline unless the last answer closed it first. Ends when the round is closed.
/// </summary>
public sealed class ConsultationRoundOrchestrator : TaskOrchestrator<LifecycleInstanceInput, ConsultationStatus>
{
    public override async Task<ConsultationStatus> RunAsync(TaskOrchestrationContext context, LifecycleInstanceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = await context.CallActivityAsync<ConsultationRoundView>(nameof(ReadConsultationRoundActivity), input);
        if (view.Status == ConsultationStatus.Open)
        {
            await context.CallActivityAsync<int>(nameof(SendConsultationNoticesActivity), new NoticeRequest(input, NoticeKind.ConsultationInvitation, view.OpenedAt));
        }

        while (view.Status == ConsultationStatus.Open)
        {
            var now = LifecycleWaits.Now(context);
            var reminder = LifecycleWaits.Next(view.Reminders, now);
            var wakeAt = reminder is { } r && r < view.Deadline ? r : view.Deadline;
            bool changed = await LifecycleWaits.UntilOrChangedAsync(context, wakeAt, wakeAt == view.Deadline ? "deadline" : "reminder");
            if (!changed && wakeAt == view.Deadline)
            {
                view = await context.CallActivityAsync<ConsultationRoundView>(nameof(CloseConsultationRoundActivity), input);
                continue;
            }

            view = await context.CallActivityAsync<ConsultationRoundView>(nameof(ReadConsultationRoundActivity), input);
            if (!changed && view.Status == ConsultationStatus.Open)
            {
                await context.CallActivityAsync<int>(nameof(SendConsultationNoticesActivity), new NoticeRequest(input, NoticeKind.ConsultationReminder, wakeAt));
            }
        }

        // A round closed by its last answer also needs its hand-over to resolving, which closing repeats safely.
        view = await context.CallActivityAsync<ConsultationRoundView>(nameof(CloseConsultationRoundActivity), input);
        return view.Status;
    }
}
