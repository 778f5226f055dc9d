using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Reviews;
using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>
/// Whether the cycle's review is still the one due, and its notices (<see cref="NoticeSchedule.ReviewNotices"/>:
/// the regulation's reminder instants and the overdue notices).
/// </summary>
public sealed class ReadReviewCycleActivity(LifecycleFacts facts, PublicHolidayCalendar calendar)
    : TaskActivity<LifecycleInstanceInput, ReviewCycleView>
{
    public override async Task<ReviewCycleView> RunAsync(TaskActivityContext context, LifecycleInstanceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var regulation = await facts.RegulationAsync(input, context.CancellationToken);
        if (regulation.NextReviewDue is not { } due || !regulation.HasTextInForce || ReviewIds.For(due) != input.SubjectId)
        {
            return new ReviewCycleView(false, []);
        }

        var review = await facts.Stores.Reviews.GetAsync(input.RegulationId, input.SubjectId, context.CancellationToken);
        if (review is not null && review.Value.Status != PeriodicReviewStatus.Scheduled)
        {
            return new ReviewCycleView(false, []);
        }

        return new ReviewCycleView(true, NoticeSchedule.ReviewNotices(regulation.ReviewSchedule, due, calendar));
    }
}
