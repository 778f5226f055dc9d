namespace QuyCheWorkflow.Functions.Tests.Mail;

/// <summary>What <see cref="FakeSendGrid"/> was sent.</summary>
internal sealed record ReceivedRequest(string Authorization, string? ContentType, string Body);
