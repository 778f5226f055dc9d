using Azure.Core;
using Azure.Core.Pipeline;
using QuyCheWorkflow.Durable.Storage;

namespace QuyCheWorkflow.Durable.Tests.Storage;

/// <summary>Classification of host-style (Azure) addresses, which Azurite's path-style ones cannot show.</summary>
public sealed class StorageRequestCounterClassifyTests
{
    [Theory]
    [InlineData("POST", "https://acct.table.core.windows.net/hubHistory", "table.insert")]
    [InlineData("POST", "https://acct.table.core.windows.net/$batch", "table.batch")]
    [InlineData("POST", "https://acct.table.core.windows.net/Tables", "create")]
    [InlineData("GET", "https://acct.table.core.windows.net/hubInstances(PartitionKey='a',RowKey='')", "table.get")]
    [InlineData("GET", "https://acct.table.core.windows.net/hubInstances()?$filter=x", "table.query")]
    [InlineData("MERGE", "https://acct.table.core.windows.net/hubInstances(PartitionKey='a',RowKey='')", "table.merge")]
    [InlineData("POST", "https://acct.queue.core.windows.net/hub-control-00/messages", "queue.put")]
    [InlineData("GET", "https://acct.queue.core.windows.net/hub-control-00/messages?numofmessages=32", "queue.get")]
    [InlineData("DELETE", "https://acct.queue.core.windows.net/hub-control-00/messages/id?popreceipt=r", "queue.delete")]
    [InlineData("PUT", "https://acct.queue.core.windows.net/hub-control-00/messages/id?popreceipt=r&visibilitytimeout=60", "queue.update")]
    [InlineData("PUT", "https://acct.queue.core.windows.net/hub-control-00", "create")]
    [InlineData("PUT", "https://acct.blob.core.windows.net/hub-payloads/a/b", "blob.put")]
    [InlineData("GET", "https://acct.blob.core.windows.net/hub-payloads?restype=container&comp=list&prefix=a", "blob.list")]
    [InlineData("PUT", "https://acct.blob.core.windows.net/hub-payloads/a?comp=lease", "blob.lease")]
    [InlineData("PUT", "https://acct.blob.core.windows.net/hub-payloads?restype=container", "create")]
    [InlineData("DELETE", "https://acct.blob.core.windows.net/hub-payloads/a/b", "blob.delete")]
    public void Classify_HostStyleAddress_NamesTheOperation(string method, string uri, string expected)
    {
        using var message = HttpPipelineBuilder.Build(new TestClientOptions()).CreateMessage();
        message.Request.Method = RequestMethod.Parse(method);
        message.Request.Uri.Reset(new Uri(uri));

        var operation = StorageRequestCounter.Classify(message.Request);

        Assert.Equal(expected, operation);
    }

    private sealed class TestClientOptions : ClientOptions;
}
