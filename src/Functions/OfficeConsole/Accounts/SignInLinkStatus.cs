namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>What <see cref="SignInLinks.Read"/> found in a sign-in link's token.</summary>
public enum SignInLinkStatus
{
    Valid,

    /// <summary>Not a token of ours: wrong shape, tampered with, or protected with a key the app no longer has.</summary>
    Invalid,

    /// <summary>Genuine, but its 15 minutes are over.</summary>
    Expired,
}
