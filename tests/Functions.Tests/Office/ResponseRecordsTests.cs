using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Office;

namespace QuyCheWorkflow.Functions.Tests.Office;

/// <summary>The regulation endpoints answer with records of their own, never with what is stored.</summary>
public sealed class ResponseRecordsTests
{
    private static readonly JsonSerializerOptions s_http = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Theory]
    [InlineData(typeof(RegulationsApi))]
    [InlineData(typeof(ModelRegulationsApi))]
    public void Handlers_AnswerOnlyResponseRecords(Type api)
    {
        var handlers = api.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
            .ToList();

        Assert.NotEmpty(handlers);
        foreach (var handler in handlers)
        {
            var answers = handler.ReturnType.GetGenericArguments()[0].GetGenericArguments()
                .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Ok<>))
                .Select(t => t.GetGenericArguments()[0]);
            foreach (var answer in answers)
            {
                AssertCallerShaped(answer, $"{handler.Name}: {answer.Name}", []);
            }
        }
    }

    [Fact]
    public void From_DraftUploadedInVietnamTime_AnswersItsStageHexHashAndUtcInstant()
    {
        var uploadedAt = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(7));
        var bytes = "Dự thảo lần 1"u8.ToArray();
        Regulation regulation = new("qc-1", "du-1", new Term(2025, 2030), "Quy chế làm việc", null, uploadedAt);
        regulation.AddDraft(new DraftVersion(1, ContentHash.Of(bytes), "du-thao.docx", DraftVersion.DocxContentType, "Văn phòng", uploadedAt));

        var response = RegulationResponse.From(regulation.ToState());
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(response, s_http));

        var root = json.RootElement;
        Assert.Equal("Drafting", root.GetProperty("stage").GetString());
        Assert.Equal("2025-2030", root.GetProperty("term").GetString());
        var draft = Assert.Single(root.GetProperty("initialCycle").GetProperty("drafts").EnumerateArray());
        Assert.Equal(ContentHash.Of(bytes).ToString(), draft.GetProperty("sha256").GetString());
        Assert.Equal("2026-03-02T02:30:00+00:00", draft.GetProperty("uploadedAt").GetString());
        Assert.Equal("Upload", draft.GetProperty("origin").GetString());
        Assert.False(root.TryGetProperty("stageAfterIssue", out _));
        Assert.False(root.GetProperty("initialCycle").TryGetProperty("subject", out _));
        Assert.Equal(1, ResponseShape.AssertCallerShaped(root));
    }

    private static void AssertCallerShaped(Type type, string path, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum || type.IsPrimitive || type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || !seen.Add(type))
        {
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            AssertCallerShaped(type.GetGenericArguments()[0], path + "[]", seen);
            return;
        }

        Assert.True(type.Namespace == typeof(RegulationsApi).Namespace && type.Name.EndsWith("Response", StringComparison.Ordinal),
            $"{path} is {type.FullName}, not a response record of the office API");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.NotEqual("IsEmpty", property.Name);
            AssertCallerShaped(property.PropertyType, $"{path}.{property.Name}", seen);
        }
    }
}
