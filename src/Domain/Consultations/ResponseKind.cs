namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>The shape of a consultation answer.</summary>
public enum ResponseKind
{
    /// <summary>"Nhất trí": agrees with the draft, no comment.</summary>
    Agree,

    /// <summary>One or more comments, each on an article (Điều N) or on the draft in general.</summary>
    Comments,
}
