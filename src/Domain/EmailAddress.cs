using System.Net.Mail;

namespace QuyCheWorkflow.Domain;

/// <summary>
/// The rule for the e-mail addresses the product sends to (committee members, consulted parties, offices): one
/// plain address (no display name, no list) of at most <see cref="MaxLength"/> characters, as written, ignoring
/// surrounding blanks.
/// </summary>
public static class EmailAddress
{
    /// <summary>The longest address accepted (RFC 5321's limit on a forward path).</summary>
    public const int MaxLength = 254;

    /// <summary>True when <paramref name="value"/> (trimmed) is an address mail can be sent to.</summary>
    public static bool IsValid(string? value)
    {
        string? address = value?.Trim();
        return !string.IsNullOrEmpty(address) && address.Length <= MaxLength &&
            MailAddress.TryCreate(address, out MailAddress? parsed) && parsed.Address == address;
    }

    /// <summary>Checks <paramref name="value"/> with <see cref="IsValid"/>.</summary>
    /// <returns>The address, trimmed.</returns>
    /// <exception cref="DomainException"><see cref="RefusalCode.EmailAddressInvalid"/>.</exception>
    public static string Ensure(string? value)
    {
        if (!IsValid(value))
        {
            throw new DomainException(RefusalCode.EmailAddressInvalid, $"'{value}' is not an e-mail address.",
                new Dictionary<string, string> { ["email"] = value ?? string.Empty });
        }

        return value!.Trim();
    }
}
