namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>
/// An account command refused because of one field (see <see cref="AccountFields"/>), with the Vietnamese message
/// shown beside it; nothing was stored.
/// </summary>
public sealed class AccountRequestException : Exception
{
    public AccountRequestException()
    {
    }

    public AccountRequestException(string message)
        : base(message)
    {
    }

    public AccountRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AccountRequestException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The field concerned (<see cref="AccountFields"/>), or empty for the request as a whole.</summary>
    public string Field { get; } = string.Empty;
}
