namespace QuyCheWorkflow.Testing;

/// <summary>
/// How to start an <see cref="AzuriteInstance"/>. With a certificate and key (PEM files) Azurite serves HTTPS;
/// <see cref="OAuthBasic"/> then also accepts bearer tokens (<c>--oauth basic</c>: lifetime, issuer and audience
/// are checked, the signature is not).
/// </summary>
public sealed record AzuriteOptions(string? CertificatePath = null, string? KeyPath = null, bool OAuthBasic = false)
{
    public bool UsesHttps => CertificatePath is not null;
}
