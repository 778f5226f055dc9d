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
        Assert.Equal(RefusalCode.CommitteeSecretaryCount, error.Code);
        Assert.Equal("2", error.Facts["secretaries"]);
    }

    [Fact]
    public void StandingCommittee_NoSecretary_Throws()
    {
        CommitteeMember[] members = [CommitteeBuilder.Member(1), CommitteeBuilder.Member(2, CommitteeRole.DeputySecretary)];

        DomainException error = Assert.Throws<DomainException>(() => new StandingCommittee(members));

        Assert.Equal(RefusalCode.CommitteeSecretaryCount, error.Code);
        Assert.Equal("0", error.Facts["secretaries"]);
    }

    [Fact]
    public void StandingCommittee_NoMembers_ThrowsCommitteeEmpty()
    {
        DomainException error = Assert.Throws<DomainException>(() => new StandingCommittee([]));

        Assert.Equal(RefusalCode.CommitteeEmpty, error.Code);
    }

    [Fact]
    public void StandingCommittee_MemberIdTwice_ThrowsNamingIt()
    {
        CommitteeMember[] members = [CommitteeBuilder.Member(1, CommitteeRole.Secretary), CommitteeBuilder.Member(2), CommitteeBuilder.Member(2)];

        DomainException error = Assert.Throws<DomainException>(() => new StandingCommittee(members));

        Assert.Equal(RefusalCode.CommitteeMemberRepeated, error.Code);
        Assert.Equal("m2", error.Facts["memberId"]);
    }

    [Fact]
    public void StandingCommittee_ReplaceSecretaryWithPlainMember_Throws()
    {
        StandingCommittee committee = CommitteeBuilder.OfSize(3);

        DomainException error = Assert.Throws<DomainException>(() => committee.Replace("m1", CommitteeBuilder.Newcomer()));

        Assert.Equal(RefusalCode.CommitteeSecretarySeat, error.Code);
        Assert.Equal("true", error.Facts["replacesSecretary"]);
    }

    [Fact]
    public void StandingCommittee_ReplaceMemberWithASecretary_ThrowsCommitteeSecretarySeat()
    {
        StandingCommittee committee = CommitteeBuilder.OfSize(3);
        CommitteeMember secretary = CommitteeBuilder.Newcomer() with { Role = CommitteeRole.Secretary };

        DomainException error = Assert.Throws<DomainException>(() => committee.Replace("m2", secretary));

        Assert.Equal(RefusalCode.CommitteeSecretarySeat, error.Code);
        Assert.Equal("false", error.Facts["replacesSecretary"]);
        Assert.Equal("m2", error.Facts["memberId"]);
    }

    [Fact]
    public void StandingCommittee_ReplaceSecretaryWithASecretary_MovesTheRole()
    {
        StandingCommittee committee = CommitteeBuilder.OfSize(3);
        CommitteeMember successor = CommitteeBuilder.Newcomer() with { Role = CommitteeRole.Secretary };

        StandingCommittee replaced = committee.Replace("m1", successor);

        Assert.Equal(successor, replaced.Secretary);
        Assert.False(replaced.Contains("m1"));
    }

    [Theory]
    [InlineData("m2", "m2", RefusalCode.CommitteeReplacementSameMember)]
    [InlineData("m2", "m3", RefusalCode.CommitteeMemberAlreadyOn)]
    [InlineData("m9", "m-new", RefusalCode.CommitteeMemberNotFound)]
    public void StandingCommittee_ReplaceRefused_ThrowsItsCode(string oldMemberId, string newMemberId, RefusalCode expected)
    {
        StandingCommittee committee = CommitteeBuilder.OfSize(3);

        DomainException error = Assert.Throws<DomainException>(() => committee.Replace(oldMemberId, CommitteeBuilder.Newcomer(newMemberId)));

        Assert.Equal(expected, error.Code);
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

        DomainException error = Assert.Throws<DomainException>(() => organisation.EnterTerm(TestData.Term2025, CommitteeBuilder.OfSize(3)));

        Assert.Equal(RefusalCode.TermNotAfterCurrent, error.Code);
        Assert.Equal(TestData.Term2025.ToString(), error.Facts["term"]);
        Assert.Equal(TestData.Term2030.ToString(), error.Facts["currentTerm"]);
    }

    [Fact]
    public void Term_ToString_WritesTheDashWithSpaces()
    {
        string text = TestData.Term2025.ToString();

        Assert.Equal("2025 - 2030", text);
    }
}
