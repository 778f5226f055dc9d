namespace QuyCheWorkflow.Functions.Hosting;

/// <summary>Where a setting of the catalogue is expected to be set.</summary>
public enum AppSettingDeployment
{
    /// <summary>Set in Azure by the infrastructure and locally by local.settings.json.</summary>
    Everywhere,

    /// <summary>Set in Azure only (e.g. managed-identity endpoints); local runs use the development alternative.</summary>
    AzureOnly,

    /// <summary>Set locally only (e.g. the Azurite connection string); Azure uses the managed-identity alternative.</summary>
    LocalOnly,

    /// <summary>Has a sensible default and is set nowhere unless someone needs to change it.</summary>
    Optional,

    /// <summary>Set by the Azure Functions host itself for its custom handler; never configured by hand.</summary>
    SetByFunctionsHost,
}
