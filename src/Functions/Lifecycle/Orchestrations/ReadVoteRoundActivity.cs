using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Voting;
using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>The round's status, deadline and reminder instants (<see cref="NoticeSchedule.VoteReminders"/>).</summary>
public sealed class ReadVoteRoundActivity(LifecycleFacts facts, PublicHolidayCalendar calendar)
    : TaskActivity<LifecycleInstanceInput, VoteRoundView>
{
    public override async Task<VoteRoundView> RunAsync(TaskActivityContext context, LifecycleInstanceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var round = (await facts.Stores.Votes.GetAsync(input.RegulationId, input.SubjectId, context.CancellationToken))?.Value
            ?? throw new LifecycleNotFoundException($"Vote round '{input.SubjectId}' does not exist.");
        return View(round, calendar);
    }

    internal static VoteRoundView View(VoteRoundState round, PublicHolidayCalendar calendar) =>
        new(round.Status, round.OpenedAt, round.Deadline, NoticeSchedule.VoteReminders(round.OpenedAt, round.Deadline, calendar));
}
