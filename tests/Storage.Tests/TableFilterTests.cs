using QuyCheWorkflow.Storage.Tables;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class TableFilterTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public void Create_String_QuotesAndDoublesInnerQuotes()
    {
        var value = "O'Brien";

        var filter = TableFilter.Create($"RowKey eq {value}");

        Assert.Equal("RowKey eq 'O''Brien'", filter);
    }

    [Fact]
    public void Create_EveryType_FormatsODataLiterals()
    {
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(7));
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");

        var filter = TableFilter.Create($"a eq {42} and b eq {42L} and c eq {1.5} and d eq {2.0} and e eq {true} and f eq {when} and g eq {id} and h eq {new byte[] { 1, 171 }}");

        Assert.Equal(
            "a eq 42 and b eq 42L and c eq 1.5 and d eq 2.0 and e eq true and f eq datetime'2026-01-01T20:04:05.0000000Z' " +
            "and g eq guid'6f9619ff-8b86-d011-b42d-00c04fc964ff' and h eq X'01AB'",
            filter);
    }

    [Fact]
    public void Create_NullOrUnsupported_Throws()
    {
        string? missing = null;

        Assert.Throws<ArgumentException>(() => TableFilter.Create($"a eq {missing}"));
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"a eq {1.5m}"));
    }

    [Fact]
    public async Task Create_InjectionAttempt_MatchesOnlyTheExactValue()
    {
        var table = new TableServiceClient(StorageConnection.Parse(fixture.ConnectionString)).GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);
        var hostile = "x' or '1' eq '1";
        await table.AddEntityAsync(new TableEntity("p", "plain"), _ct);
        await table.AddEntityAsync(new TableEntity("p", "it's"), _ct);
        await table.AddEntityAsync(new TableEntity("p", hostile), _ct);

        var injected = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"p"} and RowKey eq {hostile}"), cancellationToken: _ct).ToListAsync(_ct);
        var quoted = await table.QueryAsync(TableFilter.Create($"RowKey eq {"it's"}"), cancellationToken: _ct).ToListAsync(_ct);
        var none = await table.QueryAsync(TableFilter.Create($"RowKey eq {"' or '1' eq '1"}"), cancellationToken: _ct).ToListAsync(_ct);

        Assert.Equal(hostile, Assert.Single(injected).RowKey);
        Assert.Equal("it's", Assert.Single(quoted).RowKey);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Create_TypedComparisons_SelectMatchingEntities()
    {
        var table = new TableServiceClient(StorageConnection.Parse(fixture.ConnectionString)).GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);
        var due = new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero);
        await table.AddEntityAsync(new TableEntity("p", "early") { ["Due"] = due.AddDays(-1), ["Big"] = 5L }, _ct);
        await table.AddEntityAsync(new TableEntity("p", "late") { ["Due"] = due.AddDays(1), ["Big"] = 5_000_000_000L }, _ct);

        var late = await table.QueryAsync(TableFilter.Create($"Due gt {due}"), cancellationToken: _ct).ToListAsync(_ct);
        var big = await table.QueryAsync(TableFilter.Create($"Big ge {4_000_000_000L}"), cancellationToken: _ct).ToListAsync(_ct);

        Assert.Equal("late", Assert.Single(late).RowKey);
        Assert.Equal("late", Assert.Single(big).RowKey);
    }
}
