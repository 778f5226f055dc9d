using QuyCheWorkflow.Domain.Calendar;
using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>
/// At the deadline: marks an undecided round expired, and applies a decided one to its regulation if the
/// command that decided it was interrupted before doing so. Idempotent.
/// </summary>
public sealed class ExpireVoteRoundActivity(RegulationWorkflow workflow, PublicHolidayCalendar calendar)
    : TaskActivity<LifecycleInstanceInput, VoteRoundView>
{
    public override async Task<VoteRoundView> RunAsync(TaskActivityContext context, LifecycleInstanceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var round = await workflow.ExpireVoteIfDueAsync(input.RegulationId, input.SubjectId, context.CancellationToken);
        await workflow.ApplyVoteDecisionAsync(input.RegulationId, input.SubjectId, context.CancellationToken);
        return ReadVoteRoundActivity.View(round, calendar);
    }
}
