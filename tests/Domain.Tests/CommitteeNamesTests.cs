namespace QuyCheWorkflow.Domain.Tests;

public sealed class CommitteeNamesTests
{
    [Theory]
    [InlineData("Đảng bộ Sở Tài chính", "Đảng ủy Sở Tài chính")]
    [InlineData("Đảng bộ cơ sở Trường Đại học Cần Thơ", "Đảng ủy cơ sở Trường Đại học Cần Thơ")]
    [InlineData("  Đảng bộ  Sở Y tế ", "Đảng ủy Sở Y tế")]
    [InlineData("Chi bộ Phòng Ngân sách", "Chi bộ Phòng Ngân sách")]
    [InlineData("Tỉnh ủy Cần Thơ", "Tỉnh ủy Cần Thơ")]
    [InlineData("Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối các cơ quan tỉnh")]
    [InlineData("Công đoàn Sở Tài chính", "Công đoàn Sở Tài chính")]
    [InlineData("Đảng bộ", "Đảng bộ")]
    public void FromOrganisationName_GivesTheCommittee(string organisation, string committee)
    {
        Assert.Equal(committee, CommitteeNames.FromOrganisationName(organisation));
    }

    [Fact]
    public void FromOrganisationName_DecomposedInput_GivesComposedCommittee()
    {
        string decomposed = "Đảng bộ Sở Tài chính".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal("Đảng ủy Sở Tài chính", CommitteeNames.FromOrganisationName(decomposed));
    }

    [Fact]
    public void OfficeOf_PrefixesVanPhong()
    {
        Assert.Equal("Văn phòng Đảng ủy Sở Tài chính", CommitteeNames.OfficeOf("Đảng ủy Sở Tài chính"));
    }

    [Fact]
    public void Organisation_WithoutOwnCommitteeName_DerivesItAndFollowsARename()
    {
        var organisation = Sample("Đảng bộ Sở Tài chính");

        Assert.False(organisation.HasOwnCommitteeName);
        Assert.Equal("Đảng ủy Sở Tài chính", organisation.CommitteeName);
        Assert.Equal("Văn phòng Đảng ủy Sở Tài chính", organisation.OfficeName);
        Assert.Equal("Đảng ủy Sở Tư pháp", (organisation with { Name = "Đảng bộ Sở Tư pháp" }).CommitteeName);
    }

    [Fact]
    public void Organisation_WithOwnCommitteeName_KeepsItUntilCleared()
    {
        var organisation = Sample("Đảng bộ Công an tỉnh") with { CommitteeName = " Đảng ủy Công an tỉnh Cần Thơ " };

        Assert.True(organisation.HasOwnCommitteeName);
        Assert.Equal("Đảng ủy Công an tỉnh Cần Thơ", organisation.CommitteeName);
        Assert.Equal("Văn phòng Đảng ủy Công an tỉnh Cần Thơ", organisation.OfficeName);
        Assert.Equal("Đảng ủy Công an tỉnh Cần Thơ", (organisation with { Name = "Đảng bộ Công an" }).CommitteeName);
        Assert.Equal("Đảng ủy Công an tỉnh", (organisation with { CommitteeName = null }).CommitteeName);
    }

    private static Organisation Sample(string name) => new(
        "org", name, OrganisationCode.Parse("ĐU"), OrganisationType.Agency, null, new Term(2025, 2030),
        new StandingCommittee([new CommitteeMember("bt", "Nguyễn Văn A", "a@example.vn", CommitteeRole.Secretary)]));
}
