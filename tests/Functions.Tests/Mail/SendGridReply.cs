using System.Text.Json;

namespace QuyCheWorkflow.Functions.Tests.Mail;

/// <summary>One scripted answer of <see cref="FakeSendGrid"/>.</summary>
internal sealed record SendGridReply(int Status, string? Body = null, string? RetryAfter = null, bool Hang = false)
{
    public static readonly SendGridReply Accepted = new(202);

    /// <summary>Holds the request open until the client gives up on it.</summary>
    public static readonly SendGridReply NoAnswer = new(202, Hang: true);

    /// <summary>SendGrid's 400 error body, one error per schema violation.</summary>
    public static SendGridReply SchemaViolation(IEnumerable<string> violations) => new(
        400, JsonSerializer.Serialize(new { errors = violations.Select(v => new { message = v, field = (string?)null }) }));
}
