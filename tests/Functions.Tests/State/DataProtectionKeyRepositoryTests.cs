using System.Xml.Linq;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.State;

public sealed class DataProtectionKeyRepositoryTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StoreElement_TwoInstancesOneContainer_EachReadsTheOthersKeysAndAKeyIsNeverOverwritten()
    {
        var options = Options.Create(new StateOptions { DataProtectionContainer = "dp-" + Guid.NewGuid().ToString("N")[..12] });
        var blobs = azurite.Azurite.CreateBlobServiceClient();
        var first = new DataProtectionKeyRepository(blobs, options);
        var second = new DataProtectionKeyRepository(blobs, options);

        first.StoreElement(new XElement("key", new XAttribute("id", "a"), "một"), "key-a");
        second.StoreElement(new XElement("key", new XAttribute("id", "b"), "hai"), "key-b");
        second.StoreElement(new XElement("key", new XAttribute("id", "a"), "đổi"), "key-a");

        var seen = second.GetAllElements();
        Assert.Equal(["a", "b"], seen.Select(e => (string)e.Attribute("id")!));
        Assert.Equal("một", seen.First().Value);
        Assert.Equal(2, (await first.GetAllElementsAsync(Ct)).Count);
    }
}
