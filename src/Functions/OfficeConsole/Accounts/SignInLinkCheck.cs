namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>The outcome of opening or using a sign-in link: the account to sign in, or the refusal.</summary>
public sealed record SignInLinkCheck(SignInRefusal? Refusal, Account? Account, SignInLinkTicket Ticket);
