namespace QuyCheWorkflow.Functions.Office;

/// <summary>Body of <c>POST .../vote</c> and <c>POST .../vote/deadline</c>.</summary>
public sealed record DeadlineRequest(DateTimeOffset? Deadline);
