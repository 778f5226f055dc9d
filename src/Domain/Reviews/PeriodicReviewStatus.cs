namespace QuyCheWorkflow.Domain.Reviews;

/// <summary>State of one periodic review.</summary>
public enum PeriodicReviewStatus
{
    /// <summary>Due on a date; reminders and overdue notices run from it.</summary>
    Scheduled,

    /// <summary>The meeting happened and its outcome is recorded.</summary>
    Recorded,
}
