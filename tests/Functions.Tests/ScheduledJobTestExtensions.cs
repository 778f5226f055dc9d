using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Functions.Scheduling;

namespace QuyCheWorkflow.Functions.Tests;

internal static class ScheduledJobTestExtensions
{
    /// <summary>
    /// Removes the app's own job <paramref name="name"/> (the lifecycle registers Reconciler and ReminderSweep),
    /// so a test can register its own under that name or test a timer without a job.
    /// </summary>
    public static IServiceCollection RemoveScheduledJob(this IServiceCollection services, string name)
    {
        for (int i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ImplementationInstance is ScheduledJob job && string.Equals(job.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                services.RemoveAt(i);
            }
        }

        return services;
    }
}
