namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>
/// Who signs an issued regulation and in what capacity, as printed: <c>T/M BAN THƯỜNG VỤ</c> /
/// <c>BÍ THƯ</c> / the name.
/// </summary>
/// <param name="Capacity">On whose behalf, e.g. "T/M Ban Thường vụ".</param>
/// <param name="Title">The signer's title, e.g. "Bí thư".</param>
/// <param name="FullName">The signer's name.</param>
public sealed record Signer(string Capacity, string Title, string FullName)
{
    /// <summary>The usual signer: the secretary on behalf of the standing committee.</summary>
    public static Signer SecretaryOnBehalfOfStandingCommittee(string fullName) => new("T/M Ban Thường vụ", "Bí thư", fullName);

    /// <summary>"T/M Ban Thường vụ, Bí thư Nguyễn Văn A".</summary>
    public override string ToString() => $"{Capacity}, {Title} {FullName}";
}
