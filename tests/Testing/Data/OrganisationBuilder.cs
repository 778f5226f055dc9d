using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Numbering;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Testing;

/// <summary>
/// An enterprise party committee "du-cty" ("ĐU", named "Đảng ủy du-cty") under "duk", term 2025–2030, committee of five,
/// no office e-mail, unless told otherwise.
/// </summary>
public sealed class OrganisationBuilder
{
    private string _id = "du-cty";
    private string _code = "ĐU";
    private string? _parentId = "duk";
    private OrganisationType _type = OrganisationType.Enterprise;
    private Term _term = TestData.Term2025;
    private StandingCommittee _committee = CommitteeBuilder.OfSize(5);
    private string? _name;
    private string? _officeEmail;

    public OrganisationBuilder WithName(string name)
    {
        _name = name;
        return this;
    }

    public OrganisationBuilder WithOfficeEmail(string? officeEmail)
    {
        _officeEmail = officeEmail;
        return this;
    }

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

    /// <summary>A committee of <paramref name="size"/> as <see cref="CommitteeBuilder.OfSize"/> makes it.</summary>
    public OrganisationBuilder WithCommittee(int size, string names = CommitteeBuilder.DefaultNames, string? mailbox = null, string domain = CommitteeBuilder.DefaultDomain)
        => WithCommittee(CommitteeBuilder.OfSize(size, names, mailbox, domain));

    public Organisation Build()
        => new(_id, _name ?? $"Đảng ủy {_id}", OrganisationCode.Parse(_code), _type, _parentId, _term, _committee) { OfficeEmail = _officeEmail };
}
