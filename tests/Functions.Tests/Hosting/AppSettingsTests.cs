using System.Text.Json;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Hosting;

/// <summary>
/// The settings catalogue, the infrastructure's app settings (read from the ARM template the Bicep CLI compiles) and
/// local.settings.sample.json agree: every setting the app reads is set where it must be, and nothing is set that
/// neither the app nor the Functions host reads.
/// </summary>
public sealed class AppSettingsTests
{
    /// <summary>Settings only the Functions host (or its platform) reads, set by the infrastructure.</summary>
    private static readonly string[] s_hostOnlyInAzure =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        // The queue triggers' connection "Storage": the host reads its credential and client id beside the URIs.
        "Storage__credential",
        "Storage__clientId",
    ];

    /// <summary>Settings only the Functions host reads, set in local.settings.json.</summary>
    private static readonly string[] s_hostOnlyLocally = ["FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage"];

    [Fact]
    public void All_NamesAreUniqueAndDescribed()
    {
        Assert.Equal(AppSettings.All.Count, AppSettings.All.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(AppSettings.All, setting => Assert.False(string.IsNullOrWhiteSpace(setting.Description)));
    }

    [Fact]
    public void Infrastructure_SetsEverySettingTheAppNeedsInAzure()
    {
        var infra = InfrastructureAppSettings();

        var missing = AppSettings.All
            .Where(s => s.Deployment is AppSettingDeployment.Everywhere or AppSettingDeployment.AzureOnly)
            .Where(s => !infra.Any(name => Matches(s, name)))
            .Select(s => s.EnvironmentName);

        Assert.Empty(missing);
    }

    [Fact]
    public void Infrastructure_SetsNothingUnknown()
    {
        var infra = InfrastructureAppSettings();

        var unknown = infra.Where(name => !s_hostOnlyInAzure.Contains(name, StringComparer.Ordinal) &&
            !AppSettings.All.Any(s => s.Deployment != AppSettingDeployment.SetByFunctionsHost && Matches(s, name)));

        Assert.NotEmpty(infra);
        Assert.Empty(unknown);
    }

    [Fact]
    public void Infrastructure_LeavesWorkerRuntimeToFlexConsumptionAndSharedKeysOff()
    {
        var site = Assert.Single(CompiledInfrastructure.Resources("Microsoft.Web/sites"));
        var storage = Assert.Single(CompiledInfrastructure.Resources("Microsoft.Storage/storageAccounts"));

        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", InfrastructureAppSettings());
        Assert.Equal("custom", site.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime").GetProperty("name").GetString());
        Assert.False(storage.GetProperty("properties").GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.DoesNotContain("listKeys", CompiledInfrastructure.Template.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void LocalSettingsSample_SetsEverySettingTheAppNeedsLocally()
    {
        var values = LocalSettings().Values;

        var missing = AppSettings.All
            .Where(s => s.Deployment is AppSettingDeployment.Everywhere or AppSettingDeployment.LocalOnly)
            .Where(s => !values.Any(name => Matches(s, name)))
            .Select(s => s.EnvironmentName);

        Assert.Empty(missing);
    }

    [Fact]
    public void LocalSettingsSample_SetsNothingUnknownAndDocumentsEverySetting()
    {
        var (values, comments) = LocalSettings();

        var unknown = values.Where(name => !s_hostOnlyLocally.Contains(name, StringComparer.Ordinal) &&
            !AppSettings.All.Any(s => s.Deployment != AppSettingDeployment.SetByFunctionsHost && Matches(s, name)));
        var undocumentedValues = values.Where(name => !comments.Contains(name));
        var undocumentedSettings = AppSettings.All
            .Where(s => s.Deployment != AppSettingDeployment.SetByFunctionsHost)
            .Where(s => !comments.Any(name => Matches(s, name)))
            .Select(s => s.EnvironmentName);

        Assert.Empty(unknown);
        Assert.Empty(undocumentedValues);
        Assert.Empty(undocumentedSettings);
    }

    [Fact]
    public void LocalSettingsSample_IsFunctionsLocalSettingsForAzurite()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json")));

        var values = document.RootElement.GetProperty("Values");
        Assert.False(document.RootElement.GetProperty("IsEncrypted").GetBoolean());
        Assert.Equal("Custom", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("Storage__ConnectionString").GetString());
    }

    /// <summary>The names the compiled template sets as the Function App's app settings.</summary>
    private static List<string> InfrastructureAppSettings()
    {
        var settings = Assert.Single(CompiledInfrastructure.Resources("Microsoft.Web/sites/config"),
            config => config.GetProperty("name").GetString()!.Contains("'appsettings'", StringComparison.Ordinal));
        return settings.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
    }

    private static (List<string> Values, HashSet<string> Comments) LocalSettings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json")));
        return (
            document.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToList(),
            document.RootElement.GetProperty("_comments").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal));
    }

    private static bool Matches(AppSetting setting, string environmentName) =>
        setting.EnvironmentName.EndsWith('*')
            ? environmentName.StartsWith(setting.EnvironmentName[..^1], StringComparison.Ordinal) &&
              environmentName.Length > setting.EnvironmentName.Length - 1
            : string.Equals(setting.EnvironmentName, environmentName, StringComparison.Ordinal);
}
