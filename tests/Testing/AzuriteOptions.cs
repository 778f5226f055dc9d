namespace QuyCheWorkflow.Testing;

/// <summary>
/// How to start an <see cref="AzuriteInstance"/>. With a certificate and key (PEM files) Azurite serves HTTPS;
/// <see cref="OAuthBasic"/> then also accepts bearer tokens (<c>--oauth basic</c>: lifetime, issuer and audience
/// are checked, the signature is not). With <see cref="InMemoryPersistence"/> nothing is written to disk (a restart then
/// starts empty): Azurite's disk mode appends every queue message and blob to one extent file at a time with an
/// fdatasync each, which measures the disk rather than the service, so benchmarks use memory.
/// </summary>
public sealed record AzuriteOptions(string? CertificatePath = null, string? KeyPath = null, bool OAuthBasic = false, bool InMemoryPersistence = false)
{
    public bool UsesHttps => CertificatePath is not null;
}
