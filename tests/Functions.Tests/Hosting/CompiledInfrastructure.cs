using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Hosting;

/// <summary>
/// <c>infra/main.bicep</c> compiled to its ARM template by the Bicep CLI, once per test run. The CLI is the binary of
/// the Azure.Bicep.CommandLine.linux-x64 package, which this test project restores; its path is compiled in.
/// </summary>
internal static class CompiledInfrastructure
{
    private const string BicepCliKey = "BicepCli";

    private static readonly Lazy<JsonElement> s_template = new(Compile);

    /// <summary>The ARM template of <c>infra/main.bicep</c>.</summary>
    public static JsonElement Template => s_template.Value;

    /// <summary>Every resource of the template and of its nested module deployments, of the given type.</summary>
    public static IEnumerable<JsonElement> Resources(string type) => Descendants(Template).Where(element =>
        element.ValueKind == JsonValueKind.Object &&
        element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String &&
        string.Equals(t.GetString(), type, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }

    private static JsonElement Compile()
    {
        var bicep = BicepCli();
        var main = Path.Combine(RepositoryPaths.Root, "infra", "main.bicep");
        using var process = Process.Start(new ProcessStartInfo(bicep, ["build", main, "--stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var errors = process.StandardError.ReadToEndAsync();
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"bicep build {main} failed ({process.ExitCode}):\n{errors.Result}");

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string BicepCli()
    {
        var path = typeof(CompiledInfrastructure).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == BicepCliKey)?.Value;
        if (path is null || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bicep CLI is missing ('{path}'). It comes with the package Azure.Bicep.CommandLine.linux-x64, restored " +
                "for this test project: run 'dotnet restore' (or ./test.sh) with access to the package feed.");
        }

        // NuGet does not always keep the file's execute bit.
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}
