using QuyCheWorkflow.Functions.Scheduling;

namespace QuyCheWorkflow.Functions.CustomHandler;

/// <summary>A timer-triggered function declared by a function.json.</summary>
/// <param name="Name">The function (folder) name; also the name of the <see cref="ScheduledJob"/> it runs.</param>
/// <param name="BindingName">The trigger binding's name: the key of the timer info in the invocation's Data.</param>
/// <param name="Schedule">The parsed six-field NCRONTAB schedule.</param>
public sealed record TimerTriggerFunction(string Name, string BindingName, NCrontabSchedule Schedule);
