namespace QuyCheWorkflow.Domain.Tests;

public sealed class DocumentNumberingTests
{
    [Fact]
    public void Next_NoNumbersUsed_StartsAtOne()
    {
        int next = DocumentNumbering.Next([], "du-cty", TestData.Term2025, DocumentType.Regulation);

        Assert.Equal(1, next);
    }

    [Fact]
    public void NextFor_SecondRegulationOfTerm_FollowsFirst()
    {
        Organisation organisation = new OrganisationBuilder().WithCode("ĐU").Build();
        List<NumberRegistration> used = [];
        DocumentNumber first = DocumentNumbering.NextFor(used, organisation, DocumentType.Regulation);
        used.Add(new NumberRegistration(organisation.Id, organisation.CurrentTerm, first.Type, first.Number));

        DocumentNumber second = DocumentNumbering.NextFor(used, organisation, DocumentType.Regulation);

        Assert.Equal("01-QC/ĐU", first.Symbol);
        Assert.Equal("02-QC/ĐU", second.Symbol);
    }

    [Fact]
    public void NextFor_NewTerm_RestartsAtOne()
    {
        Organisation organisation = new OrganisationBuilder().Build();
        NumberRegistration[] used =
        [
            new(organisation.Id, TestData.Term2025, DocumentType.Regulation, 1),
            new(organisation.Id, TestData.Term2025, DocumentType.Regulation, 2),
        ];
        Organisation nextTerm = organisation.EnterTerm(TestData.Term2030, CommitteeBuilder.OfSize(5));

        DocumentNumber number = DocumentNumbering.NextFor(used, nextTerm, DocumentType.Regulation);

        Assert.Equal("01-QC/ĐU", number.Symbol);
    }

    [Fact]
    public void Next_OtherOrganisationsAndTypes_AreCountedSeparately()
    {
        NumberRegistration[] used =
        [
            new("du-cty", TestData.Term2025, DocumentType.Decision, 7),
            new("duk", TestData.Term2025, DocumentType.Regulation, 12),
            new("du-cty", TestData.Term2025, DocumentType.Regulation, 4),
        ];

        int next = DocumentNumbering.Next(used, "du-cty", TestData.Term2025, DocumentType.Regulation);

        Assert.Equal(5, next);
    }

    [Fact]
    public void Next_GapInUsedNumbers_IsNotFilled()
    {
        NumberRegistration[] used =
        [
            new("du-cty", TestData.Term2025, DocumentType.Regulation, 1),
            new("du-cty", TestData.Term2025, DocumentType.Regulation, 3),
        ];

        int next = DocumentNumbering.Next(used, "du-cty", TestData.Term2025, DocumentType.Regulation);

        Assert.Equal(4, next);
    }

    [Theory]
    [InlineData(1, "01")]
    [InlineData(5, "05")]
    [InlineData(99, "99")]
    [InlineData(100, "100")]
    [InlineData(1234, "1234")]
    public void FormatNumber_AnyNumber_HasAtLeastTwoDigits(int number, string expected)
    {
        string formatted = DocumentNumber.FormatNumber(number);

        Assert.Equal(expected, formatted);
    }

    [Theory]
    [InlineData(5, DocumentType.Regulation, "ĐU", "05-QC/ĐU")]
    [InlineData(1, DocumentType.Decision, "ĐUK", "01-QĐ/ĐUK")]
    [InlineData(100, DocumentType.Resolution, "TU", "100-NQ/TU")]
    [InlineData(12, DocumentType.Regulation, "CB", "12-QC/CB")]
    public void Symbol_VietnameseCodes_FormattedAsNumberTypeSlashOrganisation(int number, DocumentType type, string code, string expected)
    {
        DocumentNumber documentNumber = new(number, type, OrganisationCode.Parse(code));

        Assert.Equal(expected, documentNumber.Symbol);
    }

    [Fact]
    public void NextFor_TwoRegulationsIssuedInOneTerm_GetConsecutiveSymbols()
    {
        Organisation organisation = new OrganisationBuilder().Build();
        Regulation first = new RegulationBuilder().WithId("reg-1").BuildIn(RegulationStage.Approved);
        Regulation second = new RegulationBuilder().WithId("reg-2").BuildIn(RegulationStage.Approved);
        List<NumberRegistration> used = [];

        foreach (Regulation regulation in (Regulation[])[first, second])
        {
            DocumentNumber number = DocumentNumbering.NextFor(used, organisation, DocumentType.Regulation);
            RegulationBuilder.Issue(regulation, RegulationBuilder.IssuanceFor(regulation, number.Number, new DateOnly(2026, 3, 16)));
            used.Add(new NumberRegistration(organisation.Id, regulation.Term, number.Type, number.Number));
        }

        Assert.Equal("01-QC/ĐU", first.CurrentIssuance!.Number.Symbol);
        Assert.Equal("02-QC/ĐU", second.CurrentIssuance!.Number.Symbol);
    }
}
