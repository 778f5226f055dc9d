using System.Text.Json;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Schemas;

/// <summary>The committed host.json and function.json files, as the Functions host will read them.</summary>
public sealed class FunctionsHostFilesTests
{
    private static readonly string s_root = Path.Combine(RepositoryPaths.Root, "src", "Functions", "FunctionsHost");

    public static TheoryData<string> FunctionJsonFiles() =>
        new(Directory.GetFiles(s_root, "function.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(s_root, path))
            .Order(StringComparer.Ordinal));

    [Fact]
    public async Task HostJson_ValidatesAgainstVersion2Schema()
    {
        var errors = await FunctionsHostSchemas.ValidateHostAsync(ReadText("host.json"));

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(FunctionJsonFiles))]
    public async Task FunctionJson_ValidatesAgainstFunctionSchema(string relativePath)
    {
        var errors = await FunctionsHostSchemas.ValidateFunctionAsync(ReadText(relativePath));

        Assert.Empty(errors);
    }

    [Fact]
    public void HostJson_DeclaresCustomHandlerForTheAppExecutable()
    {
        var host = Read("host.json");

        var handler = host.GetProperty("customHandler");
        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.Equal("QuyCheWorkflow.Functions", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("[4.*, 5.0.0)", host.GetProperty("extensionBundle").GetProperty("version").GetString());
        Assert.Equal("base64", host.GetProperty("extensions").GetProperty("queues").GetProperty("messageEncoding").GetString());
        Assert.Equal("api", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void FunctionJson_HttpFunctionForwardsEveryRouteAnonymously()
    {
        var binding = Read(Path.Combine("Api", "function.json")).GetProperty("bindings")[0];

        Assert.Equal("httpTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("{*path}", binding.GetProperty("route").GetString());
        Assert.Equal("anonymous", binding.GetProperty("authLevel").GetString());
        Assert.Equal(
            ["delete", "get", "head", "options", "patch", "post", "put"],
            binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).Order(StringComparer.Ordinal));
    }

    private static JsonElement Read(string relativePath) => JsonDocument.Parse(ReadText(relativePath)).RootElement.Clone();

    private static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(s_root, relativePath));
}
