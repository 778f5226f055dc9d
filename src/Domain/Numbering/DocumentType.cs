namespace QuyCheWorkflow.Domain.Numbering;

/// <summary>
/// Type of a Party document; numbers run separately per type, and the type's abbreviation goes in the
/// symbol (<see cref="DocumentTypeCodes"/>).
/// </summary>
public enum DocumentType
{
    /// <summary>Quy chế (QC): the working regulation.</summary>
    Regulation,

    /// <summary>Quyết định (QĐ).</summary>
    Decision,

    /// <summary>Nghị quyết (NQ).</summary>
    Resolution,

    /// <summary>Kết luận (KL).</summary>
    Conclusion,

    /// <summary>Thông báo (TB).</summary>
    Notice,

    /// <summary>Kế hoạch (KH).</summary>
    Plan,

    /// <summary>Báo cáo (BC).</summary>
    Report,
}
