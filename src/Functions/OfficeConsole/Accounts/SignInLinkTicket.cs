namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>What a sign-in link's token says: which link (for its one use), whose account, until when.</summary>
/// <param name="Status">Whether the token can be used.</param>
/// <param name="LinkId">The link's random id, recorded when it is used; null when <see cref="Status"/> is <see cref="SignInLinkStatus.Invalid"/>.</param>
/// <param name="AccountId">The account it signs in; null when invalid.</param>
/// <param name="ExpiresAt">When it stops working; null when invalid.</param>
public sealed record SignInLinkTicket(SignInLinkStatus Status, string? LinkId, string? AccountId, DateTimeOffset? ExpiresAt);
