namespace QuyCheWorkflow.Domain.Tests;

public sealed class AuditChainTests
{
    [Fact]
    public void Verify_UntouchedChain_IsValid()
    {
        List<AuditEntry> chain = BuildChain(4);

        AuditVerification result = AuditChain.Verify(chain, AuditChain.HeadHash(chain));

        Assert.True(result.IsValid);
        Assert.Null(result.FirstBrokenIndex);
    }

    [Fact]
    public void Verify_EditedEntry_BreaksLinkOfNextEntry()
    {
        List<AuditEntry> chain = BuildChain(4);
        chain[1] = chain[1] with { Action = "vote.cast:Agree" };

        AuditVerification result = AuditChain.Verify(chain);

        Assert.False(result.IsValid);
        Assert.Equal(2, result.FirstBrokenIndex);
    }

    [Fact]
    public void Verify_EditedTimestamp_IsDetected()
    {
        List<AuditEntry> chain = BuildChain(3);
        chain[0] = chain[0] with { At = chain[0].At.AddSeconds(1) };

        AuditVerification result = AuditChain.Verify(chain);

        Assert.Equal(1, result.FirstBrokenIndex);
    }

    [Fact]
    public void Verify_RemovedMiddleEntry_IsDetected()
    {
        List<AuditEntry> chain = BuildChain(4);
        chain.RemoveAt(2);

        AuditVerification result = AuditChain.Verify(chain);

        Assert.Equal(2, result.FirstBrokenIndex);
    }

    [Fact]
    public void Verify_RemovedFirstEntry_IsDetectedAtIndexZero()
    {
        List<AuditEntry> chain = BuildChain(3);
        chain.RemoveAt(0);

        AuditVerification result = AuditChain.Verify(chain);

        Assert.Equal(0, result.FirstBrokenIndex);
    }

    [Fact]
    public void Verify_ReorderedEntries_IsDetected()
    {
        List<AuditEntry> chain = BuildChain(4);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        AuditVerification result = AuditChain.Verify(chain);

        Assert.Equal(1, result.FirstBrokenIndex);
    }

    [Fact]
    public void Verify_RemovedLastEntryWithStoredHead_IsDetected()
    {
        List<AuditEntry> chain = BuildChain(3);
        string head = AuditChain.HeadHash(chain);
        chain.RemoveAt(2);

        AuditVerification withoutHead = AuditChain.Verify(chain);
        AuditVerification withHead = AuditChain.Verify(chain, head);

        Assert.True(withoutHead.IsValid);
        Assert.Equal(2, withHead.FirstBrokenIndex);
    }

    [Fact]
    public void Append_EmptyChain_LinksToGenesis()
    {
        AuditEntry first = AuditChain.Append([], "van-phong", TestData.T0, "regulation.created", "10.0.0.1", "reg-1");

        Assert.Equal(AuditChain.GenesisHash, first.PreviousHash);
        Assert.Equal(64, AuditChain.Hash(first).Length);
    }

    private static List<AuditEntry> BuildChain(int count)
    {
        List<AuditEntry> chain = [];
        for (int i = 0; i < count; i++)
        {
            chain.Add(AuditChain.Append(chain, $"m{i}", TestData.Minutes(i), $"action-{i}", "link", "reg-1"));
        }

        return chain;
    }
}
