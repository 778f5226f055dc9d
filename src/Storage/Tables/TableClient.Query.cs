using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using QuyCheWorkflow.Storage.Pipeline;

namespace QuyCheWorkflow.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>
    /// Streams every entity matching <paramref name="filter"/> (an OData expression, best built with
    /// <see cref="TableFilter.Create"/>; null for all), following continuation tokens. Each page is a retried read;
    /// pages are fetched as enumeration proceeds, so the results are not a snapshot.
    /// </summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter = null,
        IEnumerable<string>? select = null,
        int? maxPerPage = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in QueryPagesAsync(filter, select, maxPerPage, continuationToken: null, cancellationToken))
        {
            foreach (var entity in page.Values)
            {
                yield return entity;
            }
        }
    }

    /// <summary>
    /// Streams the pages of a query (at most <paramref name="maxPerPage"/> entities each, 1..1000), starting at
    /// <paramref name="continuationToken"/> if given. A page may be empty while a continuation token still follows.
    /// </summary>
    public async IAsyncEnumerable<TableEntityPage> QueryPagesAsync(
        string? filter = null,
        IEnumerable<string>? select = null,
        int? maxPerPage = null,
        string? continuationToken = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (maxPerPage is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "A page holds 1 to 1000 entities.");
        }

        var query = new List<string>();
        if (!string.IsNullOrEmpty(filter))
        {
            query.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (select is not null)
        {
            query.Add("$select=" + Uri.EscapeDataString(string.Join(',', select)));
        }

        if (maxPerPage is { } top)
        {
            query.Add("$top=" + top.ToString(CultureInfo.InvariantCulture));
        }

        var token = continuationToken;
        do
        {
            var parameters = query.Concat(ContinuationQuery(token)).ToList();
            var relative = Name + "()" + (parameters.Count == 0 ? string.Empty : "?" + string.Join('&', parameters));
            using var response = await _pipeline.SendAsync(
                "Table.QueryEntities",
                RetryMode.Idempotent,
                () => NewRequest(HttpMethod.Get, relative),
                cancellationToken);
            var entities = new List<TableEntity>();
            await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
            {
                using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
                if (json.RootElement.TryGetProperty("value", out var values))
                {
                    foreach (var element in values.EnumerateArray())
                    {
                        entities.Add(TableEntityJson.Read(element));
                    }
                }
            }

            token = NextToken(response);
            yield return new TableEntityPage(entities, token);
        }
        while (token is not null);
    }

    private static IEnumerable<string> ContinuationQuery(string? token)
    {
        if (token is null)
        {
            yield break;
        }

        var parts = token.Split(' ');
        yield return "NextPartitionKey=" + Uri.EscapeDataString(Uri.UnescapeDataString(parts[0]));
        if (parts.Length > 1 && parts[1].Length > 0)
        {
            yield return "NextRowKey=" + Uri.EscapeDataString(Uri.UnescapeDataString(parts[1]));
        }
    }

    private static string? NextToken(HttpResponseMessage response)
    {
        var partition = ErrorResponse.HeaderValue(response, "x-ms-continuation-NextPartitionKey");
        if (partition is null)
        {
            return null;
        }

        var row = ErrorResponse.HeaderValue(response, "x-ms-continuation-NextRowKey") ?? string.Empty;
        return Uri.EscapeDataString(partition) + " " + Uri.EscapeDataString(row);
    }
}
