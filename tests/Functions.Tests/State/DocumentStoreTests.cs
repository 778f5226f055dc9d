using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.State;

public sealed class DocumentStoreTests(AzuriteFixture azurite)
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private readonly StateTestContext _state = new(azurite);

    [Fact]
    public async Task UploadAsync_IdenticalBytesTwice_OneBlobUnchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        byte[] bytes = Encoding.UTF8.GetBytes("Quy chế làm việc của Ban Chấp hành Đảng bộ");
        var hash = await _state.Documents.UploadAsync(bytes, "Quy chế làm việc — bản cuối.docx", Docx, ct);
        var container = Container();
        BlobProperties before = await container.GetBlobClient(hash.Value).GetPropertiesAsync(cancellationToken: ct);

        var again = await _state.Documents.UploadAsync(bytes, "tên khác.docx", Docx, ct);

        BlobProperties after = await container.GetBlobClient(hash.Value).GetPropertiesAsync(cancellationToken: ct);
        Assert.Equal(hash, again);
        Assert.Equal(before.ETag, after.ETag);
        var read = await _state.Documents.DownloadAsync(hash, ct);
        Assert.Equal("Quy chế làm việc — bản cuối.docx", read!.FileName);
        Assert.Equal(Docx, read.ContentType);
        Assert.Equal(bytes, read.Content.ToArray());
    }

    [Fact]
    public async Task UploadAsync_DifferentContent_DifferentName()
    {
        var ct = TestContext.Current.CancellationToken;

        var first = await _state.Documents.UploadAsync(Encoding.UTF8.GetBytes("Dự thảo lần 1"), "du-thao.docx", Docx, ct);
        var second = await _state.Documents.UploadAsync(Encoding.UTF8.GetBytes("Dự thảo lần 2"), "du-thao.docx", Docx, ct);

        Assert.NotEqual(first, second);
        Assert.True((await Container().GetBlobClient(first.Value).ExistsAsync(ct)).Value);
        Assert.True((await Container().GetBlobClient(second.Value).ExistsAsync(ct)).Value);
    }

    [Fact]
    public async Task DownloadAsync_TamperedBlob_ThrowsIntegrityException()
    {
        var ct = TestContext.Current.CancellationToken;
        var hash = await _state.Documents.UploadAsync(Encoding.UTF8.GetBytes("Biên bản họp Ban Thường vụ"), "Biên bản.pdf", "application/pdf", ct);
        await Container().GetBlobClient(hash.Value).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes("Biên bản đã bị sửa")), overwrite: true, ct);

        var error = await Assert.ThrowsAsync<DocumentIntegrityException>(() => _state.Documents.DownloadAsync(hash, ct));

        Assert.Equal(hash.Value, error.ExpectedHash);
    }

    private BlobContainerClient Container() => _state.BlobService.GetBlobContainerClient(_state.Options.Value.DocumentsContainer);
}
