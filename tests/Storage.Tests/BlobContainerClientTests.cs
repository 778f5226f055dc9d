using System.Security.Cryptography;
using System.Text;
using QuyCheWorkflow.Storage.Blobs;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class BlobContainerClientTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_CreatesOnce()
    {
        var container = NewContainerClient();

        var first = await container.CreateIfNotExistsAsync(_ct);
        var second = await container.CreateIfNotExistsAsync(_ct);

        Assert.True(first);
        Assert.False(second);
        Assert.True(await container.ExistsAsync(_ct));
    }

    [Fact]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351", Justification = "MD5 is what the Blob service stores as Content-MD5.")]
    public async Task UploadThenDownload_RoundTripsContentTypeMetadataAndHash()
    {
        var container = await NewContainerAsync();
        var bytes = Encoding.UTF8.GetBytes("Quy chế làm việc của Ban Chấp hành Đảng bộ");
        var options = new BlobUploadOptions
        {
            ContentType = "text/plain; charset=utf-8",
            Metadata = new Dictionary<string, string> { ["regulationId"] = "QC-2026-01", ["version"] = "3" },
        };

        var uploaded = await container.UploadBlobAsync("quy-che/2026/du-thao v1.txt", new MemoryStream(bytes), options, _ct);
        await using var download = await container.DownloadBlobAsync("quy-che/2026/du-thao v1.txt", _ct);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy, _ct);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(MD5.HashData(bytes), uploaded.ContentHash);
        Assert.Equal(MD5.HashData(bytes), download.Properties.ContentHash);
        Assert.Equal(uploaded.ETag, download.Properties.ETag);
        Assert.Equal("text/plain; charset=utf-8", download.Properties.ContentType);
        Assert.Equal(bytes.Length, download.Properties.ContentLength);
        Assert.Equal("QC-2026-01", download.Properties.Metadata["regulationId"]);
        Assert.Equal("3", download.Properties.Metadata["version"]);
    }

    [Fact]
    public async Task DownloadBlobAsync_SeveralMegabytesReadSlowly_StreamsWholeContent()
    {
        var container = await NewContainerAsync();
        var bytes = new byte[6 * 1024 * 1024];
        new Random(42).NextBytes(bytes);
        await container.UploadBlobAsync("big.bin", BinaryData.FromBytes(bytes), cancellationToken: _ct);

        await using var download = await container.DownloadBlobAsync("big.bin", _ct);
        using var copy = new MemoryStream();
        var chunk = new byte[256 * 1024];
        int read;
        while ((read = await download.Content.ReadAsync(chunk, _ct)) > 0)
        {
            copy.Write(chunk, 0, read);
            await Task.Delay(5, _ct);
        }

        Assert.Equal(bytes.Length, download.Properties.ContentLength);
        Assert.True(bytes.AsSpan().SequenceEqual(copy.ToArray()));
    }

    [Fact]
    public async Task UploadBlobAsync_VietnameseNameWithReservedCharacters_RoundTripsAndLists()
    {
        var container = await NewContainerAsync();
        var name = "quy chế/Biên bản họp #3 (100% đồng ý)+ý kiến?.pdf";

        await container.UploadBlobAsync(name, BinaryData.FromString("biên bản"), cancellationToken: _ct);
        var listed = await container.ListBlobsAsync("quy chế/", cancellationToken: _ct).ToListAsync(_ct);

        Assert.Equal("biên bản", await ReadTextAsync(container, name));
        Assert.Equal(name, Assert.Single(listed).Name);
        Assert.True(await container.DeleteBlobAsync(name, cancellationToken: _ct));
    }

    [Fact]
    public async Task GetBlobPropertiesAsync_AfterUpload_MatchesUpload()
    {
        var container = await NewContainerAsync();
        var uploaded = await container.UploadBlobAsync("a.bin", BinaryData.FromBytes([1, 2, 3]), cancellationToken: _ct);

        var properties = await container.GetBlobPropertiesAsync("a.bin", _ct);

        Assert.Equal(uploaded.ETag, properties.ETag);
        Assert.Equal(3, properties.ContentLength);
        Assert.Equal("application/octet-stream", properties.ContentType);
        Assert.Equal(uploaded.ContentHash, properties.ContentHash);
        Assert.NotEqual(default, properties.LastModified);
    }

    [Fact]
    public async Task GetBlobPropertiesAsync_Missing_Throws404BlobNotFound()
    {
        var container = await NewContainerAsync();

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => container.GetBlobPropertiesAsync("missing", _ct));

        Assert.Equal(404, failure.Status);
        Assert.Equal("BlobNotFound", failure.ErrorCode);
        Assert.False(await container.BlobExistsAsync("missing", _ct));
    }

    [Fact]
    public async Task DownloadBlobAsync_Missing_Throws404()
    {
        var container = await NewContainerAsync();

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => container.DownloadBlobAsync("missing", _ct));

        Assert.Equal(404, failure.Status);
        Assert.Equal("BlobNotFound", failure.ErrorCode);
    }

    [Fact]
    public async Task UploadBlobAsync_IfNoneMatchAllOnExisting_Throws409AndKeepsContent()
    {
        var container = await NewContainerAsync();
        await container.UploadBlobAsync("once", BinaryData.FromString("first"), cancellationToken: _ct);
        var createOnly = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => container.UploadBlobAsync("once", BinaryData.FromString("second"), createOnly, _ct));

        Assert.Equal(409, failure.Status);
        Assert.Equal("BlobAlreadyExists", failure.ErrorCode);
        Assert.Equal("first", await ReadTextAsync(container, "once"));
    }

    [Fact]
    public async Task UploadBlobAsync_IfNoneMatchAllOnMissing_Creates()
    {
        var container = await NewContainerAsync();
        var createOnly = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };

        await container.UploadBlobAsync("new", BinaryData.FromString("content"), createOnly, _ct);

        Assert.Equal("content", await ReadTextAsync(container, "new"));
    }

    [Fact]
    public async Task UploadBlobAsync_StaleIfMatch_Throws412ConditionNotMet()
    {
        var container = await NewContainerAsync();
        var first = await container.UploadBlobAsync("b", BinaryData.FromString("1"), cancellationToken: _ct);
        await container.UploadBlobAsync("b", BinaryData.FromString("2"), new BlobUploadOptions { Conditions = new() { IfMatch = first.ETag } }, _ct);

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => container.UploadBlobAsync("b", BinaryData.FromString("3"), new BlobUploadOptions { Conditions = new() { IfMatch = first.ETag } }, _ct));

        Assert.Equal(412, failure.Status);
        Assert.Equal("ConditionNotMet", failure.ErrorCode);
        Assert.Equal("2", await ReadTextAsync(container, "b"));
    }

    [Fact]
    public async Task ListBlobsAsync_ByPrefixAcrossPages_ReturnsOnlyMatchesInOrder()
    {
        var container = await NewContainerAsync();
        for (var i = 0; i < 7; i++)
        {
            await container.UploadBlobAsync($"docs/{i}.txt", BinaryData.FromString($"{i}"), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["n"] = $"{i}" } }, _ct);
        }

        await container.UploadBlobAsync("other/x.txt", BinaryData.FromString("x"), cancellationToken: _ct);

        var listed = await container.ListBlobsAsync("docs/", pageSize: 3, _ct).ToListAsync(_ct);
        var all = await container.ListBlobsAsync(cancellationToken: _ct).ToListAsync(_ct);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"docs/{i}.txt"), listed.Select(b => b.Name));
        Assert.All(listed, b => Assert.Equal(1, b.Properties.ContentLength));
        Assert.Equal("4", listed[4].Properties.Metadata["n"]);
        Assert.NotNull(listed[0].Properties.ContentHash);
        Assert.Equal(8, all.Count);
    }

    [Fact]
    public async Task DeleteBlobAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        var container = await NewContainerAsync();
        await container.UploadBlobAsync("d", BinaryData.FromString("x"), cancellationToken: _ct);

        var first = await container.DeleteBlobAsync("d", cancellationToken: _ct);
        var second = await container.DeleteBlobAsync("d", cancellationToken: _ct);

        Assert.True(first);
        Assert.False(second);
        Assert.False(await container.BlobExistsAsync("d", _ct));
    }

    [Fact]
    public async Task DeleteBlobAsync_StaleIfMatch_Throws412AndKeepsBlob()
    {
        var container = await NewContainerAsync();
        var first = await container.UploadBlobAsync("d", BinaryData.FromString("1"), cancellationToken: _ct);
        await container.UploadBlobAsync("d", BinaryData.FromString("2"), cancellationToken: _ct);

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => container.DeleteBlobAsync("d", new BlobRequestConditions { IfMatch = first.ETag }, _ct));

        Assert.Equal(412, failure.Status);
        Assert.True(await container.BlobExistsAsync("d", _ct));
    }

    [Fact]
    public async Task UploadBlobAsync_NonAsciiMetadata_RejectedClientSide()
    {
        var container = NewContainerClient();
        var options = new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["title"] = "Quy chế" } };

        await Assert.ThrowsAsync<ArgumentException>(() => container.UploadBlobAsync("x", BinaryData.FromString("x"), options, _ct));
    }

    internal static async Task<string> ReadTextAsync(BlobContainerClient container, string name)
    {
        await using var download = await container.DownloadBlobAsync(name, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(download.Content, Encoding.UTF8);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    private BlobContainerClient NewContainerClient() =>
        new BlobServiceClient(StorageConnection.Parse(fixture.ConnectionString)).GetBlobContainerClient(UniqueName.Container());

    private async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = NewContainerClient();
        await container.CreateIfNotExistsAsync(_ct);
        return container;
    }
}
