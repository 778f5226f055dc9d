using System.Collections.Immutable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;

namespace QuyCheWorkflow.Durable.Reference.Tests.Cases;

/// <summary>
/// How a case must end: the runtime status, and when set the output and custom status (compared as serialized by the
/// official converter), the failure's type, cause and message, and the driver's observations.
/// </summary>
public sealed record ExpectedOutcome
{
    public required OrchestrationRuntimeStatus Status { get; init; }

    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    /// <summary>The failure's <see cref="TaskFailureDetails.ErrorType"/>.</summary>
    public string? FailureType { get; init; }

    /// <summary>
    /// The type of the failure or of one of its inner failures. (<see cref="TaskFailureDetails.IsCausedBy(Type)"/> looks
    /// at the outer failure only, which for an activity's failure is always <see cref="TaskFailedException"/>.)
    /// </summary>
    public Type? FailureCause { get; init; }

    /// <summary>Text found in the failure's message or an inner failure's.</summary>
    public string? FailureMessageContains { get; init; }

    public ImmutableDictionary<string, string> Observations { get; init; } = ImmutableDictionary<string, string>.Empty;

    public static ExpectedOutcome Completed(object? output) =>
        new() { Status = OrchestrationRuntimeStatus.Completed, SerializedOutput = Serialize(output) };

    public static ExpectedOutcome Terminated(object? output) =>
        new() { Status = OrchestrationRuntimeStatus.Terminated, SerializedOutput = Serialize(output) };

    public static ExpectedOutcome Failed<TCause>(string failureType, string messageContains)
        where TCause : Exception =>
        new() { Status = OrchestrationRuntimeStatus.Failed, FailureType = failureType, FailureCause = typeof(TCause), FailureMessageContains = messageContains };

    /// <summary>Only the status: for a case whose driver checks the rest through observations.</summary>
    public static ExpectedOutcome Ended(OrchestrationRuntimeStatus status) => new() { Status = status };

    public ExpectedOutcome WithCustomStatus(object? customStatus) => this with { SerializedCustomStatus = Serialize(customStatus) };

    public ExpectedOutcome Observing(string what, string value) => this with { Observations = Observations.SetItem(what, value) };

    public void Verify(CaseResult actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var final = actual.Final;
        Assert.Equal(Status, final.RuntimeStatus);
        if (SerializedOutput is not null)
        {
            Assert.Equal(SerializedOutput, final.SerializedOutput);
        }

        if (SerializedCustomStatus is not null)
        {
            Assert.Equal(SerializedCustomStatus, final.SerializedCustomStatus);
        }

        if (FailureType is not null)
        {
            Assert.NotNull(final.FailureDetails);
            Assert.Equal(FailureType, final.FailureDetails.ErrorType);
        }

        if (FailureCause is not null)
        {
            Assert.Contains(FailureCause.FullName, Chain(final.FailureDetails).Select(f => f.ErrorType));
        }

        if (FailureMessageContains is not null)
        {
            Assert.Contains(FailureMessageContains, Messages(final.FailureDetails), StringComparison.Ordinal);
        }

        foreach (var (what, value) in Observations)
        {
            Assert.True(actual.Observations.TryGetValue(what, out var seen), $"The driver did not observe '{what}'.");
            Assert.Equal(value, seen);
        }
    }

    private static string? Serialize(object? value) => JsonDataConverter.Default.Serialize(value);

    private static string Messages(TaskFailureDetails? failure) => string.Join(" | ", Chain(failure).Select(f => f.ErrorMessage));

    private static IEnumerable<TaskFailureDetails> Chain(TaskFailureDetails? failure)
    {
        for (; failure is not null; failure = failure.InnerFailure)
        {
            yield return failure;
        }
    }
}
