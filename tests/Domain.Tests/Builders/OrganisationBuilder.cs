namespace QuyCheWorkflow.Domain.Tests.Builders;

/// <summary>An enterprise party committee "ĐU" under "ĐUK", term 2025–2030, committee of five, unless told otherwise.</summary>
internal sealed class OrganisationBuilder
{
    private string _id = "du-cty";
    private string _code = "ĐU";
    private string? _parentId = "duk";
    private OrganisationType _type = OrganisationType.Enterprise;
    private Term _term = TestData.Term2025;
    private StandingCommittee _committee = CommitteeBuilder.OfSize(5);

    public OrganisationBuilder WithId(string id)
    {
        _id = id;
        return this;
    }

    public OrganisationBuilder WithCode(string code)
    {
        _code = code;
        return this;
    }

    public OrganisationBuilder WithParent(string? parentId)
    {
        _parentId = parentId;
        return this;
    }

    public OrganisationBuilder WithType(OrganisationType type)
    {
        _type = type;
        return this;
    }

    public OrganisationBuilder WithTerm(Term term)
    {
        _term = term;
        return this;
    }

    public OrganisationBuilder WithCommittee(StandingCommittee committee)
    {
        _committee = committee;
        return this;
    }

    public Organisation Build()
        => new(_id, $"Đảng ủy {_id}", OrganisationCode.Parse(_code), _type, _parentId, _term, _committee);
}
