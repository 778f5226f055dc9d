using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace QuyCheWorkflow.Durable.Reference.Tests.Cases;

/// <summary>The activities several cases call.</summary>
public static class CommonActivities
{
    public static IReadOnlyList<TaskRegistration> All { get; } =
        [TaskRegistration.Of<Echo>(), TaskRegistration.Of<Add>(), TaskRegistration.Of<Flaky>()];

    public sealed class Echo : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input);
    }

    public sealed class Add : TaskActivity<int[], int>
    {
        public override Task<int> RunAsync(TaskActivityContext context, int[] input) => Task.FromResult(input.Sum());
    }

    /// <summary>Fails the first <c>input</c> attempts made for its orchestration instance, then answers how many it took.</summary>
    public sealed class Flaky : TaskActivity<int, string>
    {
        // Keyed by instance id, so cases running at once on one engine (or on two) never share a count.
        private static readonly ConcurrentDictionary<string, int> s_attempts = new(StringComparer.Ordinal);

        public override Task<string> RunAsync(TaskActivityContext context, int input)
        {
            var attempt = s_attempts.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
            return attempt <= input
                ? throw new InvalidOperationException($"attempt {attempt} failed")
                : Task.FromResult($"ok after {attempt}");
        }
    }
}
