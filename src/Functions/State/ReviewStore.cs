using QuyCheWorkflow.Domain.Reviews;
using Azure;
using Azure.Data.Tables;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// Six-monthly (or other cadence) reviews of a regulation.
/// <para>
/// Table <c>reviews</c>: PK = regulation id, RK = review id; columns Status and DueDate ("yyyy-MM-dd"), plus the
/// state as chunked JSON.
/// </para>
/// </summary>
public sealed class ReviewStore(StateTables tables)
{
    public const string TableName = "reviews";
    private readonly AggregateRows<PeriodicReviewState> _rows = new(tables, TableName);

    public Task<ETag> AddAsync(PeriodicReviewState review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        return _rows.AddAsync(Key(review.RegulationId), Key(review.Id), review, e => Columns(e, review), cancellationToken);
    }

    /// <exception cref="ConcurrencyConflictException">The review changed since it was loaded with <paramref name="ifMatch"/>.</exception>
    public Task<ETag> UpdateAsync(PeriodicReviewState review, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        return _rows.UpdateAsync(Key(review.RegulationId), Key(review.Id), review, ifMatch, e => Columns(e, review), cancellationToken);
    }

    /// <summary>Replaces the row with <paramref name="tail"/> in the same write; returns where the tail now waits.</summary>
    /// <exception cref="ConcurrencyConflictException">The review changed since it was loaded with <paramref name="ifMatch"/>.</exception>
    public async Task<PendingTail> UpdateAsync(PeriodicReviewState review, ETag ifMatch, string tail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        var etag = await _rows.UpdateAsync(Key(review.RegulationId), Key(review.Id), review, ifMatch, e => Columns(e, review), tail, cancellationToken);
        return new(new RowReference(TableName, Key(review.RegulationId), Key(review.Id)), etag, tail);
    }

    public Task<Loaded<PeriodicReviewState>?> GetAsync(string regulationId, string reviewId, CancellationToken cancellationToken = default) =>
        _rows.GetAsync(Key(regulationId), Key(reviewId), cancellationToken);

    public IAsyncEnumerable<Loaded<PeriodicReviewState>> ListByRegulationAsync(string regulationId, CancellationToken cancellationToken = default) =>
        _rows.ListAsync(Key(regulationId), cancellationToken);

    private static string Key(string id) => StateKeys.Id(id, nameof(id));

    private static void Columns(TableEntity entity, PeriodicReviewState review)
    {
        entity["Status"] = review.Status.ToString();
        entity["DueDate"] = review.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
