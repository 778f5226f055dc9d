namespace QuyCheWorkflow.Functions.Tests.Mail;

/// <summary>What <see cref="FakeSendGrid"/> was sent, and how its body broke SendGrid's schema (empty when it did not).</summary>
internal sealed record ReceivedRequest(string Authorization, string? ContentType, string Body, IReadOnlyList<string> SchemaErrors);
