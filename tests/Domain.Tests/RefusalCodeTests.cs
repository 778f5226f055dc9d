namespace QuyCheWorkflow.Domain.Tests;

/// <summary>Refusals carry their code and the facts the surface words them with; the English message stays for logs.</summary>
public sealed class RefusalCodeTests
{
    [Fact]
    public void InvalidTransitionException_StructuredConstructor_CarriesSubjectStateAndAction()
    {
        var error = new InvalidTransitionException("vote round", "Passed", "cast a ballot");

        Assert.Equal(RefusalCode.InvalidTransition, error.Code);
        Assert.Equal("vote round", error.Facts["subject"]);
        Assert.Equal("Passed", error.Facts["state"]);
        Assert.Equal("cast a ballot", error.Facts["action"]);
        Assert.Equal("Cannot cast a ballot: vote round is Passed.", error.Message);
    }

    [Fact]
    public void UnresolvedCommentsException_CarriesTheCounts()
    {
        var error = new UnresolvedCommentsException(2, 5);

        Assert.Equal(RefusalCode.UnresolvedComments, error.Code);
        Assert.Equal("2", error.Facts["unresolved"]);
        Assert.Equal("5", error.Facts["total"]);
    }

    [Fact]
    public void VoteRoundCast_DisagreeWithoutReason_ThrowsBallotReasonMissingWithTheChoice()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(3).Build();

        DomainException error = Assert.Throws<DomainException>(() => round.Cast("m2", VoteChoice.Disagree, " ", TestData.Minutes(5)));

        Assert.Equal(RefusalCode.BallotReasonMissing, error.Code);
        Assert.Equal(nameof(VoteChoice.Disagree), error.Facts["choice"]);
    }

    [Fact]
    public void VoteRoundCast_Stranger_ThrowsNotVoteRoundMember()
    {
        VoteRound round = new VoteRoundBuilder().WithMembers(3).Build();

        DomainException error = Assert.Throws<DomainException>(() => round.Cast("m9", VoteChoice.Agree, null, TestData.Minutes(5)));

        Assert.Equal(RefusalCode.NotVoteRoundMember, error.Code);
        Assert.Equal("m9", error.Facts["memberId"]);
    }

    [Fact]
    public void ConsultationRound_NoRecipients_ThrowsConsultationWithoutRecipients()
    {
        DomainException error = Assert.Throws<DomainException>(
            () => new ConsultationRound("consultation-1", "qc-1", 1, [], TestData.T0, TestData.Days(7)));

        Assert.Equal(RefusalCode.ConsultationWithoutRecipients, error.Code);
    }

    [Fact]
    public void ConsultationRound_DeadlineAtOpening_ThrowsWithTheDeadline()
    {
        DomainException error = Assert.Throws<DomainException>(
            () => new ConsultationRound("consultation-1", "qc-1", 1, ["r1"], TestData.T0, TestData.T0));

        Assert.Equal(RefusalCode.ConsultationDeadlineNotAfterOpening, error.Code);
        Assert.Equal(TestData.T0, DateTimeOffset.Parse(error.Facts["deadline"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void OrganisationTree_Cycle_ThrowsOrganisationCycle()
    {
        KeyValuePair<string, string?>[] links = [new("a", "b"), new("b", "a")];

        DomainException error = Assert.Throws<DomainException>(() => new OrganisationTree(links));

        Assert.Equal(RefusalCode.OrganisationCycle, error.Code);
    }

    [Fact]
    public void FilingReturn_WithoutReasons_ThrowsFilingReturnReasonMissing()
    {
        Filing filing = new("filing-1", "qc-1", "01-QC/ĐU", "upper", "office", TestData.T0);

        DomainException error = Assert.Throws<DomainException>(() => filing.Return([" "], "upper", TestData.Minutes(5)));

        Assert.Equal(RefusalCode.FilingReturnReasonMissing, error.Code);
    }
}
