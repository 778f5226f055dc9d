using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole.Decisions;

/// <summary>A step page's form as a browser sends it: the antiforgery token and request id read from the page shown.</summary>
internal sealed partial class StepFormClient(HttpClient client, string path)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public string? AntiforgeryToken { get; private set; }

    public string? RequestId { get; private set; }

    /// <summary>Shows the page (200) and keeps its form's hidden values.</summary>
    public async Task<string> ShowAsync(string query = "")
    {
        using var response = await client.GetAsync(path + query, Token);
        var html = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
        AntiforgeryToken = AntiforgeryPattern().Match(html).Groups[1].Value;
        RequestId = RequestIdPattern().Match(html).Groups[1].Value;
        return html;
    }

    /// <summary>Sends the form with <paramref name="fields"/> and, when given, a file in the <c>file</c> part.</summary>
    public async Task<(HttpStatusCode Status, string Html, string? Location)> SendAsync(IEnumerable<(string Name, string Value)> fields,
        (byte[] Content, string Name, string ContentType)? file = null)
    {
        var all = fields.Concat([(WebServiceCollectionExtensions.AntiforgeryFieldName, AntiforgeryToken ?? ""), ("requestId", RequestId ?? "")]).ToList();
        HttpContent content;
        if (file is { } f)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in all)
            {
                multipart.Add(new StringContent(value), name);
            }

            var part = new ByteArrayContent(f.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(f.ContentType);
            multipart.Add(part, "file", f.Name);
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(all.Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2)));
        }

        using (content)
        using (var response = await client.PostAsync(path, content, Token))
        {
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Token), response.Headers.Location?.OriginalString);
        }
    }

    [GeneratedRegex("name=\"__qcw_af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    [GeneratedRegex("name=\"requestId\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex RequestIdPattern();
}
