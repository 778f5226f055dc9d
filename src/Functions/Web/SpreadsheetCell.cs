namespace QuyCheWorkflow.Functions.Web;

/// <summary>One cell of a <see cref="Spreadsheet"/> row: text kept as written, a day, or nothing.</summary>
public readonly record struct SpreadsheetCell
{
    private SpreadsheetCell(string? text, DateOnly? day)
    {
        TextValue = text;
        Day = day;
    }

    /// <summary>The text of a text cell; <see langword="null"/> for a day or an empty cell.</summary>
    public string? TextValue { get; }

    /// <summary>The day of a date cell; <see langword="null"/> for text or an empty cell.</summary>
    public DateOnly? Day { get; }

    /// <summary>A text cell, or an empty cell when <paramref name="value"/> is <see langword="null"/>.</summary>
    public static SpreadsheetCell Text(string? value) => new(value, null);

    /// <summary>A date cell shown dd/mm/yyyy, or an empty cell when <paramref name="day"/> is <see langword="null"/>.</summary>
    public static SpreadsheetCell Date(DateOnly? day) => new(null, day);
}
