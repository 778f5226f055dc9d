namespace QuyCheWorkflow.Functions.Hosting;

/// <summary>One configuration key the app reads, in its <c>:</c> form (environment variables use <c>__</c>).</summary>
/// <param name="Name">The configuration key, e.g. <c>Storage:QueueServiceUri</c>.</param>
/// <param name="Description">One line for whoever sets it.</param>
/// <param name="Deployment">Where the setting is expected to be set.</param>
public sealed record AppSetting(string Name, string Description, AppSettingDeployment Deployment)
{
    /// <summary>The environment-variable / app-setting spelling, e.g. <c>Storage__QueueServiceUri</c>.</summary>
    public string EnvironmentName => Name.Replace(":", "__", StringComparison.Ordinal);
}
