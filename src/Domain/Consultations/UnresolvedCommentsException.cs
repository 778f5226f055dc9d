namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>Thrown when a vote is started while comments of the last consultation round are unresolved.</summary>
public sealed class UnresolvedCommentsException : DomainException
{
    public UnresolvedCommentsException()
    {
    }

    public UnresolvedCommentsException(string message)
        : base(message)
    {
    }

    public UnresolvedCommentsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnresolvedCommentsException(int unresolvedCount, int totalCount)
        : base(
            RefusalCode.UnresolvedComments,
            $"Cannot start a vote: {unresolvedCount} of {totalCount} comments of the last consultation round are unresolved.",
            new Dictionary<string, string>
            {
                ["unresolved"] = unresolvedCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["total"] = totalCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
    {
        UnresolvedCount = unresolvedCount;
        TotalCount = totalCount;
    }

    public int UnresolvedCount { get; }

    public int TotalCount { get; }
}
