namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>Another account already has the e-mail address; nothing was stored.</summary>
public sealed class AccountEmailTakenException : Exception
{
    public AccountEmailTakenException()
    {
    }

    public AccountEmailTakenException(string message)
        : base(message)
    {
    }

    public AccountEmailTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
