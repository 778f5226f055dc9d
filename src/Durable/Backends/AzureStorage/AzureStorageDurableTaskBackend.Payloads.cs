using System.Text;
using QuyCheWorkflow.Storage.Tables;

namespace QuyCheWorkflow.Durable;

/// <summary>Values too large for a table property or a queue message live in blobs under fresh names.</summary>
internal sealed partial class AzureStorageDurableTaskBackend
{
    private async Task<string> UploadAsync(string prefix, string text, CancellationToken cancellationToken)
    {
        var name = $"{prefix}/{Guid.NewGuid():N}";
        await _payloads.UploadBlobAsync(name, BinaryData.FromString(text), cancellationToken: cancellationToken);
        return name;
    }

    private async Task<string> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        await using var download = await _payloads.DownloadBlobAsync(name, cancellationToken);
        using var reader = new StreamReader(download.Content, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Sets <paramref name="property"/> inline, or its blob reference when large (clearing the other).</summary>
    private async Task SetLargeAsync(TableEntity entity, string property, string? value, string blobPrefix, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > MaxInlineChars)
        {
            entity[property + "Blob"] = await UploadAsync(blobPrefix, value, cancellationToken);
            entity[property] = string.Empty;
        }
        else
        {
            entity[property] = value;
            entity[property + "Blob"] = string.Empty;
        }
    }

    private async Task<string?> GetLargeAsync(TableEntity entity, string property, CancellationToken cancellationToken)
    {
        var blob = entity.GetString(property + "Blob");
        if (!string.IsNullOrEmpty(blob))
        {
            return await DownloadAsync(blob, cancellationToken);
        }

        var value = entity.GetString(property);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private async Task DeletePayloadsAsync(string instanceId, CancellationToken cancellationToken)
    {
        await foreach (var blob in _payloads.ListBlobsAsync(instanceId + "/", cancellationToken: cancellationToken))
        {
            await _payloads.DeleteBlobAsync(blob.Name, cancellationToken: cancellationToken);
        }
    }
}
