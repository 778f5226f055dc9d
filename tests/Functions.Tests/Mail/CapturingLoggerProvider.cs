using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Functions.Tests.Mail;

/// <summary>Keeps every formatted log line, so tests can prove secrets never reach the logs.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

    public IReadOnlyCollection<string> Messages => _messages;

    /// <summary>Every entry with its category and level.</summary>
    public IReadOnlyCollection<(string Category, LogLevel Level, string Message)> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string message = formatter(state, exception) + " " + exception;
            owner._messages.Enqueue(message);
            owner._entries.Enqueue((category, logLevel, message));
        }
    }
}
