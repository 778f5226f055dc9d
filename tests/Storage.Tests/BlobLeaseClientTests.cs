using QuyCheWorkflow.Storage.Blobs;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class BlobLeaseClientTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcquireAsync_WhileLeasedByAnother_Throws409LeaseAlreadyPresent()
    {
        var container = await NewContainerWithBlobAsync();
        var holder = container.GetBlobLeaseClient("blob");
        await holder.AcquireAsync(TimeSpan.FromSeconds(15), _ct);

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => container.GetBlobLeaseClient("blob").AcquireAsync(TimeSpan.FromSeconds(15), _ct));

        Assert.Equal(409, failure.Status);
        Assert.Equal("LeaseAlreadyPresent", failure.ErrorCode);
    }

    [Fact]
    public async Task UploadBlobAsync_LeasedWithoutLeaseId_Throws412LeaseIdMissing()
    {
        var container = await NewContainerWithBlobAsync();
        var lease = await container.GetBlobLeaseClient("blob").AcquireAsync(Timeout.InfiniteTimeSpan, _ct);

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => container.UploadBlobAsync("blob", BinaryData.FromString("intruder"), cancellationToken: _ct));
        await container.UploadBlobAsync("blob", BinaryData.FromString("holder"), new BlobUploadOptions { LeaseId = lease.LeaseId }, _ct);

        Assert.Equal(412, failure.Status);
        Assert.Equal("LeaseIdMissing", failure.ErrorCode);
        Assert.Equal("holder", await BlobContainerClientTests.ReadTextAsync(container, "blob"));
    }

    [Fact]
    public async Task AcquireRenewRelease_ThenAnotherAcquires()
    {
        var container = await NewContainerWithBlobAsync();
        var first = container.GetBlobLeaseClient("blob");

        var acquired = await first.AcquireAsync(TimeSpan.FromSeconds(15), _ct);
        var reacquired = await first.AcquireAsync(TimeSpan.FromSeconds(15), _ct);
        var renewed = await first.RenewAsync(_ct);
        await first.ReleaseAsync(_ct);
        var second = await container.GetBlobLeaseClient("blob").AcquireAsync(TimeSpan.FromSeconds(15), _ct);

        Assert.Equal(first.LeaseId, acquired.LeaseId);
        Assert.Equal(first.LeaseId, reacquired.LeaseId);
        Assert.Equal(first.LeaseId, renewed.LeaseId);
        Assert.NotEqual(first.LeaseId, second.LeaseId);
    }

    [Fact]
    public async Task BreakAsync_ImmediateBreak_LetsAnotherAcquire()
    {
        var container = await NewContainerWithBlobAsync();
        await container.GetBlobLeaseClient("blob").AcquireAsync(Timeout.InfiniteTimeSpan, _ct);

        var remaining = await container.GetBlobLeaseClient("blob").BreakAsync(TimeSpan.Zero, _ct);
        var next = await container.GetBlobLeaseClient("blob").AcquireAsync(TimeSpan.FromSeconds(15), _ct);

        Assert.Equal(TimeSpan.Zero, remaining);
        Assert.False(string.IsNullOrEmpty(next.LeaseId));
    }

    [Fact]
    public async Task DeleteBlobAsync_LeasedWithLeaseId_Deletes()
    {
        var container = await NewContainerWithBlobAsync();
        var lease = await container.GetBlobLeaseClient("blob").AcquireAsync(TimeSpan.FromSeconds(30), _ct);

        var refused = await Assert.ThrowsAsync<StorageRequestFailedException>(() => container.DeleteBlobAsync("blob", cancellationToken: _ct));
        var deleted = await container.DeleteBlobAsync("blob", new BlobRequestConditions { LeaseId = lease.LeaseId }, _ct);

        Assert.Equal(412, refused.Status);
        Assert.True(deleted);
    }

    [Fact]
    public async Task AcquireAsync_DurationOutOfRange_RejectedClientSide()
    {
        var container = await NewContainerWithBlobAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => container.GetBlobLeaseClient("blob").AcquireAsync(TimeSpan.FromSeconds(5), _ct));
    }

    private async Task<BlobContainerClient> NewContainerWithBlobAsync()
    {
        var container = new BlobServiceClient(StorageConnection.Parse(fixture.ConnectionString)).GetBlobContainerClient(UniqueName.Container());
        await container.CreateIfNotExistsAsync(_ct);
        await container.UploadBlobAsync("blob", BinaryData.FromString("content"), cancellationToken: _ct);
        return container;
    }
}
