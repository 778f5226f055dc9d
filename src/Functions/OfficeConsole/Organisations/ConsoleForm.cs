namespace QuyCheWorkflow.Functions.OfficeConsole.Organisations;

/// <summary>
/// A console form as posted (or empty, as first shown) with the Vietnamese message of each field it was refused
/// for: a refused form comes back filled in with each message beside its field. The key <see cref="FormKey"/>
/// holds a message about the form as a whole.
/// </summary>
public sealed class ConsoleForm
{
    /// <summary>The key of a message that concerns no single field.</summary>
    public const string FormKey = "";

    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    private ConsoleForm(Dictionary<string, string> values) => _values = values;

    /// <summary>A form shown for the first time, with <paramref name="values"/> filled in.</summary>
    public static ConsoleForm Of(IReadOnlyDictionary<string, string?>? values = null) =>
        new((values ?? new Dictionary<string, string?>()).ToDictionary(v => v.Key, v => v.Value ?? string.Empty, StringComparer.Ordinal));

    /// <summary>The posted values of <paramref name="fields"/> (files are not kept).</summary>
    public static ConsoleForm Posted(IFormCollection form, params IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(fields.ToDictionary(f => f, f => form[f].ToString(), StringComparer.Ordinal));
    }

    public bool HasErrors => _errors.Count > 0;

    /// <summary>True when the form has <paramref name="field"/>.</summary>
    public bool Has(string field) => _values.ContainsKey(field);

    /// <summary>The value to show in <paramref name="field"/>.</summary>
    public string Value(string field) => _values.GetValueOrDefault(field) ?? string.Empty;

    /// <summary>The message beside <paramref name="field"/>, or null.</summary>
    public string? Error(string field) => _errors.GetValueOrDefault(field);

    /// <summary>The message about the form as a whole, or null.</summary>
    public string? FormError => Error(FormKey);

    /// <summary>Adds the message of <paramref name="field"/> (the first one given stays).</summary>
    public ConsoleForm Refuse(string field, string message)
    {
        _errors.TryAdd(field, message);
        return this;
    }

    /// <summary>
    /// Adds the messages <paramref name="sent"/> (the form as it was posted) got for <paramref name="fields"/> and for the
    /// form as a whole: a form shown again with other values keeps what was said about the sent one.
    /// </summary>
    public ConsoleForm CarryErrors(ConsoleForm sent, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields.Append(FormKey))
        {
            if (sent.Error(field) is { } message)
            {
                Refuse(field, message);
            }
        }

        return this;
    }

    /// <summary>Adds each field's first message of <paramref name="errors"/>, under the form's own field names.</summary>
    public ConsoleForm Refuse(IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string>? fieldOf = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (key, messages) in errors)
        {
            var field = fieldOf?.GetValueOrDefault(key) ?? key;
            Refuse(Has(field) ? field : FormKey, string.Join(" ", messages));
        }

        return this;
    }
}
