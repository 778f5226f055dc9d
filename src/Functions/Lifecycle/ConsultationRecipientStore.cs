using Azure.Data.Tables;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// Names and addresses of a consultation round's recipients; the domain round keeps only their ids.
/// <para>
/// Table <c>consultationrecipients</c>: PK = regulation id, RK = "{round id}|{recipient id}"; columns Name, Email.
/// Rows are upserted, so writing a round's recipients again (a retried command) changes nothing.
/// </para>
/// </summary>
public sealed class ConsultationRecipientStore(StateTables tables)
{
    public const string TableName = "consultationrecipients";

    public async Task SetAsync(string regulationId, string roundId, IReadOnlyList<ConsultationRecipient> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var table = await tables.GetAsync(TableName, cancellationToken);
        foreach (var recipient in recipients)
        {
            TableEntity entity = new(regulationId, RowKey(roundId, recipient.RecipientId))
            {
                ["RecipientId"] = recipient.RecipientId,
                ["Name"] = recipient.Name,
                ["Email"] = recipient.Email,
            };
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<ConsultationRecipient?> GetAsync(string regulationId, string roundId, string recipientId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(regulationId, RowKey(roundId, recipientId), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    /// <summary>Every recipient of one round.</summary>
    public async Task<IReadOnlyList<ConsultationRecipient>> ListAsync(string regulationId, string roundId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        string prefix = roundId + "|";
        List<ConsultationRecipient> recipients = [];

        // Range on RowKey: '|' + 1 is '}', so [prefix, round + '}') is exactly this round's rows.
        string upper = roundId + "}";
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {regulationId} and RowKey ge {prefix} and RowKey lt {upper}"), cancellationToken: cancellationToken))
        {
            recipients.Add(FromEntity(entity));
        }

        return recipients;
    }

    /// <summary>The recipients of every round of a regulation, by round id: one partition query.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ConsultationRecipient>>> ListByRegulationAsync(string regulationId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        Dictionary<string, List<ConsultationRecipient>> rounds = new(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {regulationId}"), cancellationToken: cancellationToken))
        {
            string roundId = entity.RowKey[..entity.RowKey.IndexOf('|', StringComparison.Ordinal)];
            if (!rounds.TryGetValue(roundId, out var list))
            {
                rounds[roundId] = list = [];
            }

            list.Add(FromEntity(entity));
        }

        return rounds.ToDictionary(r => r.Key, r => (IReadOnlyList<ConsultationRecipient>)r.Value, StringComparer.Ordinal);
    }

    private static string RowKey(string roundId, string recipientId) => roundId + "|" + recipientId;

    private static ConsultationRecipient FromEntity(TableEntity entity) =>
        new(entity.GetString("RecipientId")!, entity.GetString("Name") ?? string.Empty, entity.GetString("Email")!);
}
