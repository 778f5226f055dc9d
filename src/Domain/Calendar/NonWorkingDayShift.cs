namespace QuyCheWorkflow.Domain.Calendar;

/// <summary>What to do with a reminder whose day is a weekend or public holiday.</summary>
public enum NonWorkingDayShift
{
    /// <summary>
    /// Move it to the previous working day (the default): a reminder must never arrive later than promised,
    /// and people read mail on the working day before Tết, not during it.
    /// </summary>
    PreviousWorkingDay,

    /// <summary>Move it to the next working day.</summary>
    NextWorkingDay,

    /// <summary>Send it on the day anyway.</summary>
    Keep,
}
