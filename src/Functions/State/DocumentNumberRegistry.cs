using System.Globalization;
using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Domain.Numbering;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// The register of issued document numbers (<i>sổ đăng ký văn bản</i>): numbers restart at 1 for each
/// organisation, term and document type, and never repeat.
/// <para>
/// Table <c>issuances</c>: PK = "{organisation id}|{term}|{document type}", RK = the number zero-padded to 6
/// digits (so RK order is number order); columns Number, SubjectId (what was issued under it), RegisteredAt.
/// A number is taken by inserting its row: the insert of a taken number fails with 409, and the issuer moves to
/// the next. Two issuers racing therefore get distinct numbers, and a gap can appear only if an issuer takes a
/// number and never uses it (which the register then still shows).
/// </para>
/// </summary>
public sealed class DocumentNumberRegistry(StateTables tables, TimeProvider timeProvider)
{
    public const string TableName = "issuances";
    private const int MaxAttempts = 50;

    /// <summary>
    /// Takes the lowest free number above the highest taken one for <paramref name="subjectId"/>. Not idempotent:
    /// a retried call takes another number, so callers run it under a <see cref="RequestLog"/> request id.
    /// </summary>
    public async Task<NumberRegistration> RegisterNextAsync(string organisationId, Term term, DocumentType type, string subjectId, CancellationToken cancellationToken = default)
    {
        StateKeys.Id(subjectId, nameof(subjectId));
        var table = await tables.GetAsync(TableName, cancellationToken);
        string partition = Partition(organisationId, term, type);
        int candidate = await HighestAsync(table, partition, cancellationToken) + 1;
        for (int attempt = 0; attempt < MaxAttempts; attempt++, candidate++)
        {
            TableEntity entity = new(partition, RowKey(candidate))
            {
                ["Number"] = candidate,
                ["SubjectId"] = subjectId,
                ["RegisteredAt"] = timeProvider.GetUtcNow(),
            };
            try
            {
                await table.AddEntityAsync(entity, cancellationToken);
                return new NumberRegistration(organisationId, term, type, candidate);
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                // Taken by a concurrent issuer: try the next number.
            }
        }

        throw new ConcurrencyConflictException($"No free number found for {partition} after {MaxAttempts} attempts.");
    }

    /// <summary>The numbers taken so far, ascending, with what each was issued for.</summary>
    public async Task<IReadOnlyList<(int Number, string SubjectId)>> ListAsync(string organisationId, Term term, DocumentType type, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        List<(int, string)> numbers = [];
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(organisationId, term, type)}"), cancellationToken: cancellationToken))
        {
            numbers.Add((entity.GetInt32("Number")!.Value, entity.GetString("SubjectId")!));
        }

        return numbers;
    }

    private static async Task<int> HighestAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        int highest = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            highest = Math.Max(highest, int.Parse(entity.RowKey, NumberStyles.None, CultureInfo.InvariantCulture));
        }

        return highest;
    }

    private static string Partition(string organisationId, Term term, DocumentType type) =>
        $"{StateKeys.Id(organisationId, nameof(organisationId))}|{StateKeys.FormatTerm(term)}|{type}";

    private static string RowKey(int number) => number.ToString("D6", CultureInfo.InvariantCulture);
}
