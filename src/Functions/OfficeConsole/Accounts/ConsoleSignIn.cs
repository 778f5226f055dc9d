using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Functions.Mail;

namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>
/// Signing in without a password: mails a one-time link to the account with the address given, and checks a link
/// when it is opened and when it is used. Says nothing to the caller about whether an account exists.
/// </summary>
public sealed class ConsoleSignIn(AccountStore accounts, SignInLinks links, MailSender mail, TimeProvider timeProvider, ILogger<ConsoleSignIn> logger)
{
    /// <summary>
    /// Mails a sign-in link when <paramref name="email"/> belongs to an account that is not disabled; does nothing
    /// otherwise. A mail that cannot be delivered is logged, not reported: the answer must be the same either way.
    /// </summary>
    public async Task RequestLinkAsync(string email, string? returnUrl, CancellationToken cancellationToken = default)
    {
        var found = EmailAddress.IsValid(email) ? await accounts.FindByEmailAsync(email, cancellationToken) : null;
        if (found?.Value is not { IsDisabled: false } account)
        {
            Log.SignInLinkNotSent(logger);
            return;
        }

        var (link, ticket) = links.Create(account.Id, returnUrl);
        try
        {
            await mail.SendAsync(SignInMail.Create(account, link, ticket.ExpiresAt!.Value, "signin-" + ticket.LinkId), cancellationToken);
            Log.SignInLinkSent(logger, account.Id);
        }
        catch (MailDeliveryFailedException exception)
        {
            Log.SignInLinkMailFailed(logger, exception, account.Id);
        }
    }

    /// <summary>
    /// What opening <paramref name="token"/> leads to, reading only: the account to sign in, or why not. Used links
    /// are refused here already, so the confirmation page is never shown for one.
    /// </summary>
    public async Task<SignInLinkCheck> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        var ticket = links.Read(token);
        if (ticket.Status != SignInLinkStatus.Valid)
        {
            return new SignInLinkCheck(ticket.Status == SignInLinkStatus.Expired ? SignInRefusal.Expired : SignInRefusal.Invalid, null, ticket);
        }

        if (await accounts.IsSignInLinkUsedAsync(ticket.LinkId!, cancellationToken))
        {
            return new SignInLinkCheck(SignInRefusal.Used, null, ticket);
        }

        var account = (await accounts.GetAsync(ticket.AccountId!, cancellationToken))?.Value;
        return account is { IsDisabled: false }
            ? new SignInLinkCheck(null, account, ticket)
            : new SignInLinkCheck(SignInRefusal.AccountDisabled, null, ticket);
    }

    /// <summary>
    /// Uses <paramref name="token"/>: as <see cref="CheckAsync"/>, and then records the link as used, once; a second
    /// use (or a race of two) is refused as <see cref="SignInRefusal.Used"/>.
    /// </summary>
    public async Task<SignInLinkCheck> RedeemAsync(string? token, CancellationToken cancellationToken = default)
    {
        var check = await CheckAsync(token, cancellationToken);
        if (check.Account is not { } account)
        {
            return check;
        }

        return await accounts.MarkSignInLinkUsedAsync(check.Ticket.LinkId!, account.Id, timeProvider.GetUtcNow(), cancellationToken)
            ? check
            : new SignInLinkCheck(SignInRefusal.Used, null, check.Ticket);
    }
}
