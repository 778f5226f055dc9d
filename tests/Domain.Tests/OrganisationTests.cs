namespace QuyCheWorkflow.Domain.Tests;

public sealed class OrganisationTests
{
    [Theory]
    [InlineData("TU")]
    [InlineData("ĐUK")]
    [InlineData("ĐU")]
    [InlineData("CB")]
    [InlineData("CB12")]
    public void OrganisationCode_ValidCode_Parses(string code)
    {
        OrganisationCode parsed = OrganisationCode.Parse(code);

        Assert.Equal(code, parsed.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("đu")]
    [InlineData("Đ-U")]
    [InlineData("1CB")]
    [InlineData("QC/ĐU")]
    public void OrganisationCode_InvalidCode_Throws(string code)
    {
        Assert.Throws<ArgumentException>(() => OrganisationCode.Parse(code));
    }

    [Fact]
    public void OrganisationCode_DecomposedVietnameseLetters_EqualsComposedForm()
    {
        string composed = "ĐẢNG";
        string decomposed = composed.Normalize(System.Text.NormalizationForm.FormD);

        OrganisationCode fromDecomposed = OrganisationCode.Parse(decomposed);

        Assert.NotEqual(composed, decomposed);
        Assert.Equal(OrganisationCode.Parse(composed), fromDecomposed);
    }

    [Fact]
    public void StandingCommittee_TwoSecretaries_Throws()
    {
        CommitteeMember[] members = [CommitteeBuilder.Member(1, CommitteeRole.Secretary), CommitteeBuilder.Member(2, CommitteeRole.Secretary)];

        DomainException error = Assert.Throws<DomainException>(() => new StandingCommittee(members));

        Assert.Contains("exactly one secretary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StandingCommittee_NoSecretary_Throws()
    {
        CommitteeMember[] members = [CommitteeBuilder.Member(1), CommitteeBuilder.Member(2, CommitteeRole.DeputySecretary)];

        Assert.Throws<DomainException>(() => new StandingCommittee(members));
    }

    [Fact]
    public void StandingCommittee_ReplaceSecretaryWithPlainMember_Throws()
    {
        StandingCommittee committee = CommitteeBuilder.OfSize(3);

        Assert.Throws<DomainException>(() => committee.Replace("m1", CommitteeBuilder.Newcomer()));
    }

    [Fact]
    public void StandingCommittee_Secretary_IsTheOneWithThatRole()
    {
        StandingCommittee committee = CommitteeBuilder.OfSize(4);

        CommitteeMember secretary = committee.Secretary;

        Assert.Equal("m1", secretary.MemberId);
    }

    [Fact]
    public void EnterTerm_EarlierTerm_Throws()
    {
        Organisation organisation = new OrganisationBuilder().WithTerm(TestData.Term2030).Build();

        Assert.Throws<DomainException>(() => organisation.EnterTerm(TestData.Term2025, CommitteeBuilder.OfSize(3)));
    }

    [Fact]
    public void Term_ToString_WritesTheDashWithSpaces()
    {
        string text = TestData.Term2025.ToString();

        Assert.Equal("2025 - 2030", text);
    }
}
