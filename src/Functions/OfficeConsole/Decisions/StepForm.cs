using System.Security.Cryptography;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.OfficeConsole.Decisions;

/// <summary>
/// A step's form as it is shown: what was filled in (so a refused form comes back as it was sent), the message
/// beside each field, the messages about the step as a whole, and the request id that makes one sending of the
/// form run its command once.
/// </summary>
public sealed class StepForm
{
    /// <summary>The hidden field holding <see cref="RequestId"/>.</summary>
    public const string RequestIdField = "requestId";

    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private readonly List<string> _general = [];

    private StepForm(Dictionary<string, string> values, string requestId)
    {
        _values = values;
        RequestId = requestId;
    }

    /// <summary>32 lower-case hexadecimal digits, made when the form is shown.</summary>
    public string RequestId { get; }

    /// <summary>Messages about the step as a whole (its stage, the regulation), shown at the top.</summary>
    public IReadOnlyList<string> GeneralErrors => _general;

    /// <summary>The message beside each field, by field name.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors => _errors;

    public bool HasErrors => _errors.Count > 0 || _general.Count > 0;

    /// <summary>A form shown afresh, filled with <paramref name="values"/> (defaults), with a new request id.</summary>
    public static StepForm Fresh(IEnumerable<KeyValuePair<string, string>>? values = null) =>
        new(new Dictionary<string, string>(values ?? [], StringComparer.Ordinal), NewRequestId());

    /// <summary>
    /// The form as sent. A request id the page would not have sent (missing, or not of its shape) is replaced by a
    /// new one with a message at the top: nothing runs under it.
    /// </summary>
    public static StepForm Sent(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = form.Where(p => p.Key != RequestIdField && p.Key != WebServiceCollectionExtensions.AntiforgeryFieldName)
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        string requestId = form[RequestIdField].ToString();
        if (IsRequestId(requestId))
        {
            return new StepForm(values, requestId);
        }

        var fresh = new StepForm(values, NewRequestId());
        fresh.AddGeneral("Biểu mẫu không đầy đủ hoặc đã cũ nên chưa được thực hiện; đề nghị đồng chí kiểm tra lại rồi gửi lại.");
        return fresh;
    }

    public string Value(string field) => _values.GetValueOrDefault(field) ?? string.Empty;

    public bool Has(string field, string value) => string.Equals(Value(field), value, StringComparison.Ordinal);

    public string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    /// <summary>The element id of the message beside <paramref name="field"/>.</summary>
    public static string ErrorId(string field) => "loi-" + field;

    /// <summary>Sets the message beside <paramref name="field"/>; the first message of a field stays.</summary>
    public void AddError(string field, string message) => _errors.TryAdd(field, message);

    public void AddErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, messages) in errors)
        {
            AddError(field, messages[0]);
        }
    }

    public void AddGeneral(string message) => _general.Add(message);

    /// <summary>
    /// Puts a refusal of the rules in the catalogue's words beside the field of <paramref name="fields"/> it concerns
    /// (<paramref name="fieldOf"/> first, then the catalogue's own field), else at the top.
    /// </summary>
    public void Refuse(DomainException refusal, IReadOnlyCollection<string> fields, Func<RefusalCode, string?> fieldOf)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(fieldOf);
        var text = RefusalCatalogue.Describe(refusal);
        string? field = fieldOf(refusal.Code) ?? text.Field;
        if (field is not null && fields.Contains(field))
        {
            AddError(field, text.Message);
        }
        else
        {
            AddGeneral(text.Message);
        }
    }

    /// <summary>
    /// The accessibility attributes of <paramref name="field"/>'s input: described by its hint (when given) and its
    /// message, and marked invalid when it has one.
    /// </summary>
    public IReadOnlyDictionary<string, object> Described(string field, string? hintId = null)
    {
        Dictionary<string, object> attributes = new(StringComparer.Ordinal);
        bool invalid = _errors.ContainsKey(field);
        string describedBy = string.Join(' ', new[] { hintId, invalid ? ErrorId(field) : null }.Where(id => id is not null));
        if (describedBy.Length > 0)
        {
            attributes["aria-describedby"] = describedBy;
        }

        if (invalid)
        {
            attributes["aria-invalid"] = "true";
        }

        return attributes;
    }

    private static string NewRequestId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static bool IsRequestId(string value) =>
        value.Length == 32 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
