namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>Where a draft version's text came from.</summary>
public enum DraftOrigin
{
    /// <summary>A file the office uploaded.</summary>
    Upload,

    /// <summary>The model regulation (<i>quy chế mẫu</i>) published for the organisation's type by an upper level.</summary>
    Model,

    /// <summary>The text issued for the organisation's previous term.</summary>
    PreviousTerm,
}
