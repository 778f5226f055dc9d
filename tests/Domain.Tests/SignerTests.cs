namespace QuyCheWorkflow.Domain.Tests;

public sealed class SignerTests
{
    [Fact]
    public void For_Secretary_SignsAsSecretaryOnBehalfOfStandingCommittee()
    {
        Signer signer = Signer.For(CommitteeBuilder.Member(1, CommitteeRole.Secretary));

        Assert.Equal(new Signer("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Ủy viên 1"), signer);
    }

    [Fact]
    public void For_DeputySecretary_SignsAsDeputySecretary()
    {
        Signer signer = Signer.For(CommitteeBuilder.Member(2, CommitteeRole.DeputySecretary));

        Assert.Equal(new Signer("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Ủy viên 2"), signer);
    }

    [Fact]
    public void For_OrdinaryMember_RefusedWithCode()
    {
        DomainException error = Assert.Throws<DomainException>(() => Signer.For(CommitteeBuilder.Member(3)));

        Assert.Equal(RefusalCode.SignerCannotSign, error.Code);
        Assert.Equal("Ủy viên 3", error.Facts["signer"]);
    }

    [Fact]
    public void From_MemberId_FindsMember()
    {
        Signer signer = Signer.From(CommitteeBuilder.OfSize(3), "m1");

        Assert.Equal("Ủy viên 1", signer.FullName);
    }

    [Fact]
    public void From_NameInOtherCase_FindsMember()
    {
        Signer signer = Signer.From(CommitteeBuilder.OfSize(3), "  ủy viên 1 ");

        Assert.Equal("BÍ THƯ", signer.Title);
    }

    [Fact]
    public void From_NameNotOnCommittee_RefusedWithCode()
    {
        DomainException error = Assert.Throws<DomainException>(() => Signer.From(CommitteeBuilder.OfSize(3), "Người ngoài"));

        Assert.Equal(RefusalCode.SignerNotOnCommittee, error.Code);
        Assert.Equal("Người ngoài", error.Facts["signer"]);
    }
}
