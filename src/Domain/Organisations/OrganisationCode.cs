namespace QuyCheWorkflow.Domain.Organisations;

/// <summary>
/// The code used in document symbols after the slash, e.g. <c>TU</c>, <c>ĐUK</c>, <c>ĐU</c>, <c>CB</c>. Upper-case
/// letters (Vietnamese letters such as Đ allowed) and digits, 1–16 characters, starting with a letter.
/// Stored in Unicode normalisation form C so that "Đ" typed either way compares equal.
/// </summary>
public readonly record struct OrganisationCode
{
    private const int MaxLength = 16;

    private OrganisationCode(string value)
    {
        Value = value;
    }

    public string Value { get; }

    /// <exception cref="ArgumentException">Empty, too long, lower case or containing other characters.</exception>
    public static OrganisationCode Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        string normalised = code.Normalize(System.Text.NormalizationForm.FormC);
        bool valid = normalised.Length is > 0 and <= MaxLength
            && char.IsLetter(normalised[0])
            && normalised.All(c => char.IsDigit(c) || (char.IsLetter(c) && char.IsUpper(c)));
        if (!valid)
        {
            throw new ArgumentException(
                $"An organisation code is 1–{MaxLength} upper-case letters or digits starting with a letter; got '{code}'.",
                nameof(code));
        }

        return new OrganisationCode(normalised);
    }

    public override string ToString() => Value ?? string.Empty;
}
