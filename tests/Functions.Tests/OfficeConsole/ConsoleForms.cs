using System.Net;
using System.Text.RegularExpressions;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>Reading and posting the console's server-rendered forms from an <see cref="HttpClient"/>.</summary>
internal static partial class ConsoleForms
{
    /// <summary>The value of the (first) input named <paramref name="name"/> in <paramref name="html"/>, decoded; null when absent.</summary>
    public static string? InputValue(string html, string name)
    {
        ArgumentNullException.ThrowIfNull(html);
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (tag.Contains($"name=\"{name}\"", StringComparison.Ordinal))
            {
                var value = ValueAttribute().Match(tag);
                return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : string.Empty;
            }
        }

        return null;
    }

    /// <summary>The antiforgery token of the form(s) in <paramref name="html"/>.</summary>
    public static string AntiforgeryToken(string html) =>
        InputValue(html, WebServiceCollectionExtensions.AntiforgeryFieldName)
        ?? throw new InvalidOperationException("The page has no antiforgery token:\n" + html);

    /// <summary>
    /// Opens <paramref name="pagePath"/> (GET, which must succeed), then posts <paramref name="fields"/> with the page's
    /// antiforgery token to <paramref name="actionPath"/> (the page itself when null), as a browser submitting its form.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client,
        string pagePath,
        IEnumerable<KeyValuePair<string, string>> fields,
        string? actionPath = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var page = await client.GetAsync(pagePath, cancellationToken);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        if (!page.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {pagePath} answered {(int)page.StatusCode}:\n{html}");
        }

        return await client.PostAsync(
            actionPath ?? pagePath,
            new FormUrlEncodedContent([.. fields, new(WebServiceCollectionExtensions.AntiforgeryFieldName, AntiforgeryToken(html))]),
            cancellationToken);
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
