namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>A link page's form that could not be read: nothing was recorded.</summary>
/// <param name="Malformed">
/// True (400) for a field the page itself would not have sent (too long, control or bidi characters); false (422) for
/// a form that is incomplete or contradicts itself.
/// </param>
/// <param name="Details">What is wrong, in Vietnamese.</param>
internal sealed record LinkFormError(bool Malformed, string Details)
{
    /// <summary>422: the form is incomplete.</summary>
    public static LinkFormError Incomplete(string details) => new(false, details);

    /// <summary>400: <paramref name="field"/> (its label) holds text the page would not have sent.</summary>
    public static LinkFormError Invalid(string field, string error) => new(true, field + ": " + error);
}
