using System.Globalization;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>Parses the text fields of organisation requests, collecting Vietnamese messages per field.</summary>
internal static class OrganisationFields
{
    public static string? Id(string? value, string field, Dictionary<string, string[]> errors)
    {
        var id = value?.Trim();
        if (!IdSyntax.IsValid(id))
        {
            errors[field] = [$"Mã bắt buộc, {IdSyntax.Rule}."];
            return null;
        }

        return id;
    }

    public const int MaxNameLength = 300;

    public static string? Name(string? value, string field, Dictionary<string, string[]> errors)
    {
        var name = TextInput.Line(value, MaxNameLength);
        if (name.Text is null)
        {
            errors[field] = [name.Error ?? "Tên bắt buộc, tối đa 300 ký tự."];
        }

        return name.Text;
    }

    /// <summary>The committee's own name, or null (and no error) when empty: it then follows the organisation's name.</summary>
    public static string? CommitteeName(string? value, string field, Dictionary<string, string[]> errors) =>
        string.IsNullOrWhiteSpace(value) ? null : Name(value, field, errors);

    /// <summary>Free text of several lines (an explanation, notes): null and no error when empty.</summary>
    public static string? Paragraphs(string? value, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        var text = TextInput.Paragraphs(value, maxLength);
        if (text.Error is not null)
        {
            errors[field] = [text.Error];
        }

        return text.Text;
    }

    public static OrganisationCode? Code(string? value, string field, Dictionary<string, string[]> errors)
    {
        try
        {
            return OrganisationCode.Parse(value?.Trim() ?? string.Empty);
        }
        catch (ArgumentException)
        {
            errors[field] = ["Ký hiệu gồm 1–16 chữ in hoa hoặc chữ số, bắt đầu bằng chữ (ví dụ TU, ĐUK, ĐU, CB)."];
            return null;
        }
    }

    public static OrganisationType? Type(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is not null && Enum.GetNames<OrganisationType>().Contains(value.Trim(), StringComparer.Ordinal))
        {
            return Enum.Parse<OrganisationType>(value.Trim());
        }

        errors[field] = [$"Loại hình phải là một trong: {string.Join(", ", Enum.GetNames<OrganisationType>())}."];
        return null;
    }

    public static Term? Term(string? value, string field, Dictionary<string, string[]> errors)
    {
        // Any dash, with or without spaces around it: "2025-2030", "2025–2030", "2025 - 2030".
        var parts = value?.Trim().Split('-', '–', '—');
        if (parts is { Length: 2 }
            && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            && start >= 1930 && end > start && end - start <= 10)
        {
            return new Term(start, end);
        }

        errors[field] = ["Nhiệm kỳ có dạng 2025 - 2030."];
        return null;
    }

    /// <summary>An e-mail address, or null for an empty value when <paramref name="optional"/>.</summary>
    public static string? Email(string? value, string field, bool optional, Dictionary<string, string[]> errors)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email) && optional)
        {
            return null;
        }

        if (!EmailAddress.IsValid(email))
        {
            errors[field] = ["Địa chỉ e-mail không hợp lệ."];
            return null;
        }

        return email;
    }

    public static StandingCommittee? Committee(IReadOnlyList<CommitteeMemberRequest?>? members, string field, Dictionary<string, string[]> errors)
    {
        if (members is null || members.Count == 0)
        {
            errors[field] = ["Ban Thường vụ cần ít nhất một ủy viên, trong đó đúng một Bí thư."];
            return null;
        }

        List<CommitteeMember> parsed = [];
        for (var i = 0; i < members.Count; i++)
        {
            if (Member(members[i], $"{field}[{i}]", errors) is { } member)
            {
                parsed.Add(member);
            }
        }

        if (parsed.Count != members.Count)
        {
            return null;
        }

        try
        {
            return new StandingCommittee(parsed);
        }
        catch (DomainException exception)
        {
            errors[field] = [RefusalCatalogue.Describe(exception).Message];
            return null;
        }
    }

    /// <summary>One standing-committee member; errors are keyed <c>{prefix}.memberId</c> and so on.</summary>
    public static CommitteeMember? Member(CommitteeMemberRequest? member, string prefix, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (member is null)
        {
            errors[prefix] = ["Thiếu thông tin ủy viên."];
            return null;
        }

        var id = Id(member.MemberId, prefix + ".memberId", errors);
        var name = Name(member.FullName, prefix + ".fullName", errors);
        var email = Email(member.Email, prefix + ".email", optional: false, errors);
        CommitteeRole? role = member.Role is not null && Enum.GetNames<CommitteeRole>().Contains(member.Role, StringComparer.Ordinal)
            ? Enum.Parse<CommitteeRole>(member.Role)
            : null;
        if (role is null)
        {
            errors[prefix + ".role"] = [$"Chức vụ phải là một trong: {string.Join(", ", Enum.GetNames<CommitteeRole>())}."];
        }

        return id is not null && name is not null && email is not null && role is not null
            ? new CommitteeMember(id, name, email, role.Value)
            : null;
    }
}
