using System.Globalization;
using Azure.Data.Tables;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.State;

public sealed class AuditLogTests(AzuriteFixture azurite)
{
    private const string Partition = "reg-1";
    private readonly StateTestContext _state = new(azurite);

    [Fact]
    public async Task VerifyAsync_TwentyAppendedEntries_IsValid()
    {
        var ct = TestContext.Current.CancellationToken;
        await AppendTwentyAsync(ct);

        var verification = await _state.Audit.VerifyAsync(Partition, ct);

        Assert.True(verification.IsValid);
        List<AuditLogEntry> entries = [];
        await foreach (var entry in _state.Audit.ReadAsync(Partition, ct))
        {
            entries.Add(entry);
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal("Nguyễn Thị Ánh 3", entries[2].Record.ActorDisplay);
        Assert.Equal(["reg-1", "vote-reg-1"], entries[2].Record.SubjectIds);
    }

    [Fact]
    public async Task VerifyAsync_ActionEditedInTable_ReportsTheLinkAfterTheEditedEntry()
    {
        var ct = TestContext.Current.CancellationToken;
        await AppendTwentyAsync(ct);
        var table = _state.RawTable(AuditLog.TableName);
        TableEntity edited = await table.GetEntityAsync<TableEntity>(Partition, RowKey(8), cancellationToken: ct);
        edited["Action"] = "vote.withdrawn";
        await table.UpdateEntityAsync(edited, edited.ETag, cancellationToken: ct);

        var verification = await _state.Audit.VerifyAsync(Partition, ct);

        // Entry 8 (index 7) was edited: the link that breaks is entry 9's (index 8), per AuditChain.Verify.
        Assert.False(verification.IsValid);
        Assert.Equal(8, verification.FirstBrokenIndex);
    }

    [Fact]
    public async Task VerifyAsync_LastEntryDeleted_DetectedThroughHeadHash()
    {
        var ct = TestContext.Current.CancellationToken;
        await AppendTwentyAsync(ct);
        await _state.RawTable(AuditLog.TableName).DeleteEntityAsync(Partition, RowKey(20), cancellationToken: ct);

        var verification = await _state.Audit.VerifyAsync(Partition, ct);

        Assert.False(verification.IsValid);
        Assert.Equal(19, verification.FirstBrokenIndex);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentAppends_AllLandInOneValidChain()
    {
        var ct = TestContext.Current.CancellationToken;

        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() => _state.Audit.AppendAsync(Partition, Record(i)), ct)));

        var verification = await _state.Audit.VerifyAsync(Partition, ct);
        List<AuditLogEntry> entries = [];
        await foreach (var entry in _state.Audit.ReadAsync(Partition, ct))
        {
            entries.Add(entry);
        }

        Assert.True(verification.IsValid);
        Assert.Equal(6, entries.Count);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"m{i}"), entries.Select(e => e.Record.ActorId).Order());
    }

    [Fact]
    public async Task AppendAsync_AfterAnAppendOfThisProcess_IsOneTransactionWithoutReadingTheHead()
    {
        var ct = TestContext.Current.CancellationToken;
        await _state.Audit.AppendAsync(Partition, Record(1), ct);

        _state.Counter.Reset();
        await _state.Audit.AppendAsync(Partition, Record(2), ct);

        Assert.Equal(1, _state.Counter.Total);
        Assert.True((await _state.Audit.VerifyAsync(Partition, ct)).IsValid);
    }

    [Fact]
    public async Task AppendAsync_TwoProcessesTakingTurns_KeepOneValidChain()
    {
        var ct = TestContext.Current.CancellationToken;
        var other = new AuditLog(_state.Tables, _state.Clock);

        for (int i = 1; i <= 10; i++)
        {
            await _state.Audit.AppendAsync(Partition, Record(2 * i - 1), ct);
            await other.AppendAsync(Partition, Record(2 * i), ct);
        }

        List<AuditLogEntry> entries = [];
        await foreach (var entry in other.ReadAsync(Partition, ct))
        {
            entries.Add(entry);
        }

        Assert.True((await _state.Audit.VerifyAsync(Partition, ct)).IsValid);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"m{i}"), entries.Select(e => e.Record.ActorId));
    }

    private async Task AppendTwentyAsync(CancellationToken ct)
    {
        for (int i = 1; i <= 20; i++)
        {
            await _state.Audit.AppendAsync(Partition, Record(i), ct);
            _state.Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    private static AuditRecord Record(int i) => new(
        $"m{i}",
        $"Nguyễn Thị Ánh {i}",
        "vote.cast",
        ["reg-1", "vote-reg-1"],
        $$"""{"choice":"Agree","ghiChu":"Nhất trí lần {{i}}"}""",
        "203.113.0.7 Mozilla/5.0");

    private static string RowKey(int sequence) => sequence.ToString("D10", CultureInfo.InvariantCulture);
}
