namespace QuyCheWorkflow.Domain.Organisations;

/// <summary>
/// A term of office (<i>nhiệm kỳ</i>), e.g. 2025 - 2030. Document numbers restart at 01 in every term, and an
/// organisation owes one working regulation per term. Terms are ordered by their start year.
/// </summary>
public readonly record struct Term : IComparable<Term>
{
    /// <param name="startYear">First year of the term.</param>
    /// <param name="endYear">Last year of the term; later than <paramref name="startYear"/>.</param>
    public Term(int startYear, int endYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, 1930);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(endYear, startYear);
        StartYear = startYear;
        EndYear = endYear;
    }

    public int StartYear { get; }

    public int EndYear { get; }

    public static bool operator <(Term left, Term right) => left.CompareTo(right) < 0;

    public static bool operator >(Term left, Term right) => left.CompareTo(right) > 0;

    public static bool operator <=(Term left, Term right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Term left, Term right) => left.CompareTo(right) >= 0;

    public int CompareTo(Term other)
    {
        int byStart = StartYear.CompareTo(other.StartYear);
        return byStart != 0 ? byStart : EndYear.CompareTo(other.EndYear);
    }

    /// <summary>"2025 - 2030", as Party documents write a term.</summary>
    public override string ToString() => $"{StartYear} - {EndYear}";
}
