using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;

namespace QuyCheWorkflow.Durable;

/// <summary>Values too large for a table property or a queue message live in blobs under fresh names.</summary>
internal sealed partial class AzureStorageDurableTaskBackend
{
    private async Task<string> UploadAsync(string prefix, string text, CancellationToken cancellationToken)
    {
        // A fresh name, so a plain (unconditional) upload: it is idempotent, hence retried on transient failures.
        var name = $"{prefix}/{Guid.NewGuid():N}";
        await _payloads.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true, cancellationToken);
        return name;
    }

    private async Task<string> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        var download = await _payloads.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        return download.Value.Content.ToString();
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
        await foreach (var blob in _payloads.GetBlobsAsync(BlobTraits.None, BlobStates.None, instanceId + "/", cancellationToken))
        {
            await _payloads.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
        }
    }
}
