using QuyCheWorkflow.Storage.Tables;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class TableEntityTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryEdmType_WrittenAndRead_KeepsTypeAndValue()
    {
        var table = new TableServiceClient(StorageConnection.Parse(fixture.ConnectionString)).GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);
        var when = new DateTimeOffset(2026, 11, 22, 10, 30, 15, TimeSpan.FromHours(7)).AddTicks(1234567);
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        var entity = new TableEntity("p", "r")
        {
            ["String"] = "Nghị quyết số 01-NQ/ĐU",
            ["Int32"] = -42,
            ["Int64"] = long.MaxValue,
            ["Double"] = 2.0,
            ["Fraction"] = 0.1,
            ["Bool"] = true,
            ["Date"] = when,
            ["Guid"] = id,
            ["Binary"] = new byte[] { 0, 1, 2, 254, 255 },
        };

        await table.AddEntityAsync(entity, _ct);
        var read = await table.GetEntityAsync("p", "r", cancellationToken: _ct);
        var queried = Assert.Single(await table.QueryAsync(cancellationToken: _ct).ToListAsync(_ct));

        foreach (var copy in new[] { read, queried })
        {
            Assert.IsType<string>(copy["String"]);
            Assert.Equal("Nghị quyết số 01-NQ/ĐU", copy.GetString("String"));
            Assert.IsType<int>(copy["Int32"]);
            Assert.Equal(-42, copy.GetInt32("Int32"));
            Assert.IsType<long>(copy["Int64"]);
            Assert.Equal(long.MaxValue, copy.GetInt64("Int64"));
            Assert.Equal(2.0, copy.GetDouble("Double"));
            Assert.IsType<double>(copy["Fraction"]);
            Assert.Equal(0.1, copy.GetDouble("Fraction"));
            Assert.True(copy.GetBoolean("Bool"));
            Assert.IsType<DateTimeOffset>(copy["Date"]);
            Assert.Equal(when, copy.GetDateTimeOffset("Date"));
            Assert.Equal(TimeSpan.Zero, copy.GetDateTimeOffset("Date")!.Value.Offset);
            Assert.Equal(id, copy.GetGuid("Guid"));
            Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, copy.GetBinary("Binary"));
        }
    }

    [Fact]
    public void Indexer_UnsupportedType_Throws()
    {
        var entity = new TableEntity("p", "r");

        Assert.Throws<ArgumentException>(() => entity["Decimal"] = 1.5m);
    }

    [Fact]
    public void Indexer_ReservedName_Throws()
    {
        var entity = new TableEntity("p", "r");

        Assert.Throws<ArgumentException>(() => entity["PartitionKey"] = "x");
        Assert.Throws<ArgumentException>(() => entity["odata.etag"] = "x");
    }

    [Fact]
    public void GetInt32_WrongType_ThrowsInvalidOperation()
    {
        var entity = new TableEntity("p", "r") { ["N"] = "five" };

        Assert.Throws<InvalidOperationException>(() => entity.GetInt32("N"));
    }

    [Fact]
    public void Indexer_SetNull_RemovesProperty()
    {
        var entity = new TableEntity("p", "r") { ["N"] = 1 };

        entity["N"] = null;

        Assert.False(entity.ContainsKey("N"));
        Assert.Equal(0, entity.Count);
    }
}
