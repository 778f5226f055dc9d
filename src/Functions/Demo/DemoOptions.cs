namespace QuyCheWorkflow.Functions.Demo;

/// <summary>The local demo: a sample tree and a regulation under way, seeded once into an empty store.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seed the sample data at start when the store has no demo tree yet. Never set in Azure.</summary>
    public bool Seed { get; set; }

    /// <summary>
    /// File the demo's API keys are written to (mode 600), for the newcomer to sign in to the dashboard and call
    /// the office API. Keys are secrets, so they go to this file and never to the log.
    /// </summary>
    public string? KeysFile { get; set; }
}
