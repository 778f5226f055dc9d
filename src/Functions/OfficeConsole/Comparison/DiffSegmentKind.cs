namespace QuyCheWorkflow.Functions.OfficeConsole.Comparison;

/// <summary>What a piece of an inline word diff is.</summary>
public enum DiffSegmentKind
{
    /// <summary>In both texts.</summary>
    Same,

    /// <summary>In the reference text only: shown struck out (<c>del</c>).</summary>
    Deleted,

    /// <summary>In the draft only: shown underlined (<c>ins</c>).</summary>
    Inserted,
}
