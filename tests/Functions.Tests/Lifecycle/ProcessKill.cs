using Azure.Core;
using Azure.Core.Pipeline;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

/// <summary>
/// Plays a process killed part-way through a command: lets <see cref="Allowed"/> storage requests through, then
/// fails every later one before it is sent, as if the process had died after the last request it completed.
/// </summary>
internal sealed class ProcessKill : HttpPipelinePolicy
{
    private int _sent;

    /// <summary>How many requests go through before the process "dies"; null: never.</summary>
    public int? Allowed { get; set; }

    /// <summary>Requests that went through since the last <see cref="Reset"/>.</summary>
    public int Sent => Volatile.Read(ref _sent);

    public void Reset(int? allowed)
    {
        Volatile.Write(ref _sent, 0);
        Allowed = allowed;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Admit();
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Admit();
        await ProcessNextAsync(message, pipeline);
    }

    private void Admit()
    {
        if (Interlocked.Increment(ref _sent) > Allowed)
        {
            throw new ProcessKilledException();
        }
    }
}

/// <summary>The "process" of a <see cref="ProcessKill"/> died.</summary>
internal sealed class ProcessKilledException : Exception
{
    public ProcessKilledException()
        : base("The process was killed.")
    {
    }

    public ProcessKilledException(string message)
        : base(message)
    {
    }

    public ProcessKilledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
