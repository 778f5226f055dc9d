namespace QuyCheWorkflow.Functions.CustomHandler;

/// <summary>Where host.json and the function folders are: beside the executable unless told otherwise.</summary>
public sealed class FunctionCatalogOptions
{
    public string RootDirectory { get; set; } = AppContext.BaseDirectory;
}
