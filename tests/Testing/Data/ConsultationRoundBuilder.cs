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

/// <summary>A consultation of recipients "r1".."r5" on draft 1 of "reg-1", open at T0 for seven days.</summary>
public sealed class ConsultationRoundBuilder
{
    private string _id = "cons-1";
    private string _regulationId = "reg-1";
    private int _draftVersion = 1;
    private int _recipients = 5;

    public static DateTimeOffset Deadline => TestData.Days(7);

    public ConsultationRoundBuilder WithId(string id)
    {
        _id = id;
        return this;
    }

    public ConsultationRoundBuilder ForRegulation(string regulationId, int draftVersion)
    {
        _regulationId = regulationId;
        _draftVersion = draftVersion;
        return this;
    }

    public ConsultationRoundBuilder WithRecipients(int count)
    {
        _recipients = count;
        return this;
    }

    public ConsultationRound Build()
        => new(_id, _regulationId, _draftVersion, Enumerable.Range(1, _recipients).Select(i => $"r{i}"), TestData.T0, Deadline);
}
