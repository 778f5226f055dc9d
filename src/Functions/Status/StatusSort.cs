namespace QuyCheWorkflow.Functions.Status;

/// <summary>The column a status report is ordered by (<see cref="StatusQuery.SortParameter"/>); rows without a value come last either way.</summary>
public enum StatusSort
{
    /// <summary>Tree order: each organisation before those below it (the default).</summary>
    Tree,

    /// <summary>The organisation's name, in Vietnamese alphabetical order.</summary>
    Name,

    /// <summary>The regulation's stage, in lifecycle order.</summary>
    Stage,

    /// <summary>The regulation's number and symbol.</summary>
    Number,

    /// <summary>The issue date.</summary>
    Issued,

    /// <summary>When it was filed with the upper level.</summary>
    Filed,

    /// <summary>When the upper level acknowledged it.</summary>
    Acknowledged,

    /// <summary>The last review's date.</summary>
    LastReview,

    /// <summary>The next review's due date.</summary>
    NextReview,

    /// <summary>How many parties the process waits for.</summary>
    Pending,

    /// <summary>How many problems are flagged (missing, overdue, returned), then the next notice's time.</summary>
    Flags,

    /// <summary>How alike the current text is to the previous term's regulation (a measured percentage; a scan or no comparison has no value).</summary>
    Likeness,

    /// <summary>The response rate of the latest closed consultation round.</summary>
    Consultation,
}
