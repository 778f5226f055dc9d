using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>The signing block of an issued regulation, as printed: capacity (<c>T/M BAN THƯỜNG VỤ</c>), title and full name.</summary>
public sealed record SignerResponse(string Capacity, string Title, string FullName)
{
    public static SignerResponse From(Signer signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return new(signer.Capacity, signer.Title, signer.FullName);
    }
}
