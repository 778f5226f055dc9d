namespace QuyCheWorkflow.Domain.Filings;

/// <summary>State of a filing with the upper level.</summary>
public enum FilingStatus
{
    /// <summary>Sent; waiting for the upper-level office. Reminded on a schedule.</summary>
    Sent,

    /// <summary>Đã tiếp nhận: the upper level acknowledged receipt.</summary>
    Acknowledged,

    /// <summary>Returned with requested changes, which starts an amendment.</summary>
    Returned,
}
