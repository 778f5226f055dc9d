using Azure.Core;
using Azure.Core.Pipeline;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

/// <summary>
/// Plays a process killed part-way through a command: lets <see cref="Allowed"/> storage requests through, then
/// fails every later one before it is sent, as if the process had died after the last request it completed. With
/// <see cref="Once"/>, only that one request fails (a storage call failing in a process that lives on).
/// </summary>
internal sealed class ProcessKill : HttpPipelinePolicy
{
    private int _sent;

    /// <summary>How many requests go through before the process "dies"; null: never.</summary>
    public int? Allowed { get; set; }

    /// <summary>Requests that went through since the last <see cref="Reset"/>.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Fail only request <see cref="Allowed"/> + 1, not every later one.</summary>
    public bool Once { get; set; }

    public void Reset(int? allowed, bool once = false)
    {
        Volatile.Write(ref _sent, 0);
        Allowed = allowed;
        Once = once;
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
        int sent = Interlocked.Increment(ref _sent);
        if (Once ? sent == Allowed + 1 : sent > Allowed)
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
