using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QuyCheWorkflow.Functions.Tests.Office;

/// <summary>What every answer of the regulation endpoints looks like to a caller, checked on the JSON it receives.</summary>
internal static partial class ResponseShape
{
    /// <summary>
    /// No member of a stored value's inner shape (<c>isEmpty</c>, <c>value</c>), every <c>*sha256</c> 64 lower-case hex
    /// characters, every instant (<c>*At</c>, <c>*deadline</c>) ISO 8601 in UTC, every <c>*date</c>/<c>*due</c> a
    /// calendar date; returns the number of hashes seen, so a caller can tell the check met some.
    /// </summary>
    public static int AssertCallerShaped(JsonElement element, string path = "$")
    {
        int hashes = 0;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name = property.Name;
                    string at = path + "." + name;
                    Assert.False(name is "isEmpty" or "value" or "contentHash", at + " is a stored value's inner shape");
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        string text = property.Value.GetString()!;
                        if (name.EndsWith("sha256", StringComparison.OrdinalIgnoreCase))
                        {
                            Assert.Matches(Sha256(), text);
                            hashes++;
                        }
                        else if (name.EndsWith("At", StringComparison.Ordinal) || name.EndsWith("eadline", StringComparison.Ordinal))
                        {
                            var instant = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                            Assert.True(instant.Offset == TimeSpan.Zero, $"{at} = {text} is not in UTC");
                        }
                        else if (name.EndsWith("Date", StringComparison.Ordinal) || name.EndsWith("Due", StringComparison.Ordinal) || name == "endedOn")
                        {
                            Assert.True(DateOnly.TryParseExact(text, "yyyy-MM-dd", out _), $"{at} = {text} is not a date");
                        }
                    }
                    else
                    {
                        Assert.False(name.EndsWith("sha256", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null,
                            at + " is not a hex string");
                    }

                    hashes += AssertCallerShaped(property.Value, at);
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    hashes += AssertCallerShaped(item, $"{path}[{i++}]");
                }

                break;
        }

        return hashes;
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
