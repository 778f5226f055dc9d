namespace QuyCheWorkflow.Functions.Tests.Mail;

/// <summary>One scripted answer of <see cref="FakeSendGrid"/>.</summary>
internal sealed record SendGridReply(int Status, string? Body = null, string? RetryAfter = null)
{
    public static readonly SendGridReply Accepted = new(202);
}
