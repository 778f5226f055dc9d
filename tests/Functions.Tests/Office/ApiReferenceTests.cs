using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Functions.Tests.Web;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Office;

/// <summary>The OpenAPI document describes every operation fully, and the reference page renders it from the app alone.</summary>
public sealed partial class ApiReferenceTests(OfficeAppFixture fixture, BrowserFixture browser) : IClassFixture<OfficeAppFixture>
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "patch"];

    private OfficeTestApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOperation_HasSummaryDescriptionTagAndErrorResponses()
    {
        using var document = await ReadDocumentAsync();

        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 25, $"{operations.Count} operations");
        Assert.DoesNotContain(operations, o => o.Name.Contains("/l/", StringComparison.Ordinal));
        var reviews = operations.Single(o => o.Name == "post /api/organisations/{organisationId}/regulations/{regulationId}/reviews").Operation;
        Assert.Equal("Record a periodic review", reviews.GetProperty("summary").GetString());
        foreach (var (name, operation) in operations)
        {
            Assert.True(operation.TryGetProperty("summary", out var summary) && !string.IsNullOrWhiteSpace(summary.GetString()), name + ": summary");
            Assert.True(operation.TryGetProperty("description", out var description) && !string.IsNullOrWhiteSpace(description.GetString()), name + ": description");
            Assert.True(operation.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0, name + ": tags");
            var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.Contains(responses, r => r.StartsWith('2'));
            Assert.Contains(responses, r => r.StartsWith('4') || r.StartsWith('5'));
        }
    }

    [Fact]
    public async Task OperationsBehindAuthorization_RequireTheApiKey_AndTheHealthCheckDoesNot()
    {
        using var document = await ReadDocumentAsync();

        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");
        var header = schemes.GetProperty("ApiKeyHeader");
        Assert.Equal("apiKey", header.GetProperty("type").GetString());
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", header.GetProperty("name").GetString());
        Assert.Equal("Authorization", schemes.GetProperty("ApiKeyAuthorization").GetProperty("name").GetString());
        foreach (var (name, operation) in Operations(document))
        {
            if (name == "get /api/health")
            {
                Assert.False(operation.TryGetProperty("security", out _));
                continue;
            }

            Assert.True(operation.TryGetProperty("security", out var security), name);
            var required = security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
            Assert.Contains("ApiKeyHeader", required);
            Assert.Contains("ApiKeyAuthorization", required);
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out _), name);
            Assert.True(responses.TryGetProperty("403", out _), name);
        }
    }

    [Fact]
    public async Task Status_DeclaresItsQueryParametersWithTheirValues_AndItsAnswers()
    {
        using var document = await ReadDocumentAsync();

        var status = document.RootElement.GetProperty("paths").GetProperty("/api/status").GetProperty("get");
        var parameters = status.GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        Assert.Equal(
            ["compliance", "copied", "formalConsultation", "format", "missing", "order", "organisationId", "overdue", "page", "pageSize", "q", "returned", "sort", "stage", "type"],
            parameters.Keys.Order(StringComparer.Ordinal));
        foreach (var parameter in parameters.Values)
        {
            Assert.Equal("query", parameter.GetProperty("in").GetString());
            Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("description").GetString()));
        }

        Assert.Contains("None", Values(parameters["stage"]));
        Assert.Contains("InVote", Values(parameters["stage"]));
        Assert.Equal(["json", "csv", "xlsx"], Values(parameters["format"]));
        Assert.Contains("NextReview", Values(parameters["sort"]));
        Assert.Equal("integer", parameters["page"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Contains("Agency", Values(parameters["type"]));
        Assert.Equal("boolean", parameters["overdue"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("boolean", parameters["copied"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("boolean", parameters["formalConsultation"].GetProperty("schema").GetProperty("type").GetString());

        var ok = status.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.EndsWith("/StatusReportResponse", ok.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Contains(ok.EnumerateObject(), c => c.Name.StartsWith("text/csv", StringComparison.Ordinal));
        Assert.Contains(ok.EnumerateObject(), c => c.Name == StatusXlsx.ContentType);
        foreach (var code in new[] { "400", "401", "403", "404" })
        {
            Assert.True(status.GetProperty("responses").TryGetProperty(code, out _), code);
        }
    }

    [Fact]
    public async Task RegulationAndModelOperations_AnswerResponseSchemas_AndNoStoredStateIsDescribed()
    {
        using var document = await ReadDocumentAsync();

        var answers = Operations(document)
            .Where(o => o.Name.Contains(RegulationsApi.Path, StringComparison.Ordinal) || o.Name.Contains(ModelRegulationsApi.Path, StringComparison.Ordinal))
            .Where(o => !o.Name.EndsWith("/file", StringComparison.Ordinal) && !o.Name.EndsWith(".docx", StringComparison.Ordinal))
            .ToDictionary(o => o.Name, o => ReferencedSchema(o.Operation.GetProperty("responses").GetProperty("200").GetProperty("content")
                .GetProperty("application/json").GetProperty("schema")));
        Assert.Equal(15, answers.Count);
        Assert.All(answers, a => Assert.EndsWith("Response", a.Value, StringComparison.Ordinal));
        Assert.Equal("RegulationResponse", answers["get " + RegulationsApi.Path + "/{regulationId}"]);
        Assert.Equal("ModelRegulationResponse", answers["get " + ModelRegulationsApi.Path]);
        Assert.Equal("ConsultationRoundResponse", answers["get " + ConsultationRoundsApi.Path + "/{roundId}"]);
        Assert.Equal("ConsultationRoundResponse", answers["get " + ConsultationRoundsApi.Path]);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.DoesNotContain(schemas.EnumerateObject(), s => s.Name.EndsWith("State", StringComparison.Ordinal) || s.Name is "ContentHash" or "DraftVersion");
        var regulation = schemas.GetProperty("RegulationResponse").GetProperty("properties");
        var stage = regulation.GetProperty("stage");
        var stages = stage.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!.Split('/')[^1]) : stage;
        Assert.Contains("\"InForce\"", stages.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("string", schemas.GetProperty("DraftResponse").GetProperty("properties").GetProperty("sha256").GetProperty("type").GetString());
        var sheet = Operations(document).Single(o => o.Name == "get " + RegulationsApi.Path + "/{regulationId}/resolution-sheet.docx").Operation;
        Assert.True(sheet.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty(ResolutionTableDocument.ContentType, out _));
    }

    [Theory]
    [InlineData("/api/organisations/{organisationId}/regulations/{regulationId}/drafts", "post", "file")]
    [InlineData("/api/organisations/{organisationId}/regulations/{regulationId}/vote/in-person-result", "post", "file,meetingDate,passed,agree,disagree,other")]
    [InlineData("/api/organisations/{organisationId}/regulations/{regulationId}/issuance", "post", "file,issueDate")]
    [InlineData("/api/organisations/{organisationId}/regulations/{regulationId}/reviews", "post", "file,meetingDate,outcome")]
    [InlineData("/api/organisations/{organisationId}/model-regulations/{type}", "put", "file,title")]
    [InlineData("/api/organisations/import", "post", "file")]
    [InlineData("/api/organisations/import/members", "post", "file")]
    public async Task MultipartBodies_NameTheirFields(string path, string method, string required)
    {
        using var document = await ReadDocumentAsync();

        var schema = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal("object", schema.GetProperty("type").GetString());
        var properties = schema.GetProperty("properties");
        var file = properties.GetProperty("file");
        Assert.Equal("string", file.GetProperty("type").GetString());
        Assert.Equal("binary", file.GetProperty("format").GetString());
        var declared = schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        foreach (var field in required.Split(','))
        {
            Assert.True(properties.TryGetProperty(field, out var property), field);
            Assert.False(string.IsNullOrWhiteSpace(property.GetProperty("description").GetString()), field);
            Assert.Contains(field, declared);
        }
    }

    [Fact]
    public async Task ReferencePage_IsHtml_WithSameOriginScriptsAndANoncedPolicyOfItsOwn()
    {
        using var client = new HttpClient { BaseAddress = App.BaseAddress };

        using var response = await client.GetAsync(OfficeApi.ReferencePath, Token);
        var html = await response.Content.ReadAsStringAsync(Token);
        using var other = await client.GetAsync("/api/health", Token);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var sources = SourceAttribute().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, url => Assert.False(Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https", url));
        Assert.DoesNotContain("//cdn", html, StringComparison.OrdinalIgnoreCase);
        foreach (var url in sources)
        {
            using var asset = await client.GetAsync(new Uri(new Uri(App.BaseAddress, OfficeApi.ReferencePath + "/"), url), Token);
            Assert.True(asset.IsSuccessStatusCode, $"{url}: {(int)asset.StatusCode}");
        }

        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        var nonce = NonceAttribute().Match(html).Groups["nonce"].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"script-src 'self' 'nonce-{nonce}'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal(global::QuyCheWorkflow.Functions.Web.SecurityHeadersMiddleware.ContentSecurityPolicy, string.Join(' ', other.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task ReferencePage_InChromium_ListsTheOperations_WithoutLeavingTheApp()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        List<string> foreign = [];
        List<string> violations = [];
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(App.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) &&
                !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };
        List<string> console = [];
        page.Console += (_, message) =>
        {
            console.Add(message.Type + ": " + message.Text);
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        page.PageError += (_, error) => console.Add("page error: " + error);

        await page.GotoAsync(OfficeApi.ReferencePath);
        try
        {
            await page.GetByText("Health check").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        }
        finally
        {
            await BrowserFixture.SaveScreenshotAsync(page, "api-reference");
            TestContext.Current.SendDiagnosticMessage(string.Join('\n', console.Concat(foreign)));
        }

        Assert.Empty(foreign);
        Assert.Empty(violations);
        Assert.True(await page.GetByText("/api/status").CountAsync() > 0);
        Assert.True(await page.GetByText("Regulations").CountAsync() > 0);
    }

    private async Task<JsonDocument> ReadDocumentAsync()
    {
        using var client = new HttpClient { BaseAddress = App.BaseAddress };
        return JsonDocument.Parse(await client.GetStringAsync(OfficeApi.OpenApiPath, Token));
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonDocument document) =>
        from path in document.RootElement.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where s_methods.Contains(operation.Name)
        select ($"{operation.Name} {path.Name}", operation.Value);

    private static string ReferencedSchema(JsonElement schema)
    {
        var referenced = schema.TryGetProperty("items", out var items) ? items : schema;
        return referenced.GetProperty("$ref").GetString()!.Split('/')[^1];
    }

    private static List<string?> Values(JsonElement parameter) =>
        [.. parameter.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString())];

    [GeneratedRegex(@"<(?:script|link)[^>]*?(?:src|href)=""(?<url>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex SourceAttribute();

    [GeneratedRegex(@"nonce=""(?<nonce>[^""]+)""")]
    private static partial Regex NonceAttribute();
}
