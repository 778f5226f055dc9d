namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>Why a sign-in link does not sign anyone in.</summary>
public enum SignInRefusal
{
    /// <summary>Not a link of ours (altered, cut off by the mail program, or from a key the app no longer has).</summary>
    Invalid,

    Expired,

    /// <summary>The link has signed someone in already; each works once.</summary>
    Used,

    /// <summary>The account was disabled (or removed) since the link was sent.</summary>
    AccountDisabled,
}
