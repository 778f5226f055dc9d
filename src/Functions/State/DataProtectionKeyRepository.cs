using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// The data-protection key ring in Blob storage (container <see cref="StateOptions.DataProtectionContainer"/>), one
/// blob per key element under <c>keys/</c>, so every instance of the app signs and reads cookies and antiforgery
/// tokens with the same keys. A key is written once (If-None-Match: *) and never changed; the key manager revokes
/// or retires keys by adding elements. The blobs hold key material: access to the storage account is access to
/// these keys (in Azure the app reaches the account with its managed identity only).
/// <para>
/// <see cref="IXmlRepository"/> is synchronous; the key manager calls it when it loads or rolls the key ring
/// (at start and then about once a day), never per request, so the blocking waits here are rare.
/// </para>
/// </summary>
public sealed class DataProtectionKeyRepository : IXmlRepository
{
    private const string Prefix = "keys/";
    private readonly Lazy<BlobContainerClient> _container;
    private readonly Lazy<Task> _created;

    public DataProtectionKeyRepository(BlobServiceClient blobs, IOptions<StateOptions> options)
        : this(() => blobs, options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
    }

    /// <summary>
    /// Resolves the blob client on first use, not when the app's services are built: the key manager is set up at
    /// start, and an app started without storage (some hosts' health checks, tests of other parts) must still start.
    /// </summary>
    public DataProtectionKeyRepository(Func<BlobServiceClient> blobs, IOptions<StateOptions> options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        string name = options.Value.DataProtectionContainer;
        _container = new Lazy<BlobContainerClient>(() => blobs().GetBlobContainerClient(name));
        _created = new Lazy<Task>(() => _container.Value.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
    }

    public IReadOnlyCollection<XElement> GetAllElements() => GetAllElementsAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => StoreElementAsync(element, friendlyName).GetAwaiter().GetResult();

    /// <summary>Every stored element, in name order.</summary>
    public async Task<IReadOnlyCollection<XElement>> GetAllElementsAsync(CancellationToken cancellationToken = default)
    {
        await _created.Value.WaitAsync(cancellationToken);
        List<string> names = [];
        await foreach (var item in _container.Value.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix, cancellationToken))
        {
            names.Add(item.Name);
        }

        List<XElement> elements = [];
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            var download = await _container.Value.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            await using var content = download.Value.Content.ToStream();
            elements.Add(await XElement.LoadAsync(content, LoadOptions.None, cancellationToken));
        }

        return elements;
    }

    /// <summary>Stores <paramref name="element"/> as <c>keys/{friendlyName}.xml</c>; an existing blob of that name is kept.</summary>
    public async Task StoreElementAsync(XElement element, string friendlyName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(element);
        await _created.Value.WaitAsync(cancellationToken);
        string name = Prefix + SafeName(friendlyName) + ".xml";
        BlobUploadOptions upload = new()
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await _container.Value.GetBlobClient(name).UploadAsync(
                new BinaryData(Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting))), upload, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // Written already (by this instance's retry or another instance): keys are immutable.
        }
    }

    private static string SafeName(string? friendlyName)
    {
        string name = new([.. (friendlyName ?? string.Empty).Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]);
        return name.Length == 0 ? Guid.NewGuid().ToString("N") : name;
    }
}
