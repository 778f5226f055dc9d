using System.Net.Http.Headers;
using QuyCheWorkflow.Storage.Tables;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class TableBatchContentTests
{
    private const string Success =
        "--batchresponse_e69b\r\n" +
        "Content-Type: multipart/mixed; boundary=changesetresponse_f5f3\r\n" +
        "\r\n" +
        "--changesetresponse_f5f3\r\n" +
        "Content-Type: application/http\r\n" +
        "Content-Transfer-Encoding: binary\r\n" +
        "\r\n" +
        "HTTP/1.1 204 No Content\r\n" +
        "X-Content-Type-Options: nosniff\r\n" +
        "DataServiceVersion: 1.0;\r\n" +
        "ETag: W/\"datetime'2026-11-22T02%3A12%3A45.1279055Z'\"\r\n" +
        "\r\n" +
        "\r\n" +
        "--changesetresponse_f5f3\r\n" +
        "Content-Type: application/http\r\n" +
        "Content-Transfer-Encoding: binary\r\n" +
        "\r\n" +
        "HTTP/1.1 204 No Content\r\n" +
        "DataServiceVersion: 1.0;\r\n" +
        "\r\n" +
        "\r\n" +
        "--changesetresponse_f5f3--\r\n" +
        "--batchresponse_e69b--\r\n";

    private const string Failure =
        "--batchresponse_aa\r\n" +
        "Content-Type: multipart/mixed; boundary=changesetresponse_bb\r\n" +
        "\r\n" +
        "--changesetresponse_bb\r\n" +
        "Content-Type: application/http\r\n" +
        "Content-Transfer-Encoding: binary\r\n" +
        "\r\n" +
        "HTTP/1.1 409 Conflict\r\n" +
        "Content-ID: 2\r\n" +
        "Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n" +
        "\r\n" +
        "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The specified entity already exists.\\nRequestId:x\"}}}\r\n" +
        "--changesetresponse_bb--\r\n" +
        "--batchresponse_aa--\r\n";

    [Fact]
    public void ParseResponses_AzureSuccess_ReturnsEachStatusAndETag()
    {
        var results = TableBatchContent.ParseResponses(Success, MediaTypeHeaderValue.Parse("multipart/mixed; boundary=batchresponse_e69b"));

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(204, r.Status));
        Assert.Equal("W/\"datetime'2026-11-22T02%3A12%3A45.1279055Z'\"", results[0].ETag);
        Assert.Null(results[1].ETag);
    }

    [Fact]
    public void ParseResponses_AzureFailureWithoutContentType_FindsBoundaryAndErrorBody()
    {
        var results = TableBatchContent.ParseResponses(Failure, contentType: null);

        var failed = Assert.Single(results);
        Assert.Equal(409, failed.Status);
        Assert.StartsWith("{\"odata.error\"", failed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MergeAndDelete_WritesChangeSetWithConditions()
    {
        var operations = new[]
        {
            new TableBatchOperation("MERGE", new Uri("http://127.0.0.1:1/acct/t(PartitionKey='p',RowKey='r')"), "{\"A\":1}"u8.ToArray(), "*"),
            new TableBatchOperation("DELETE", new Uri("http://127.0.0.1:1/acct/t(PartitionKey='p',RowKey='s')"), null, "W/\"x\""),
        };

        using var content = TableBatchContent.Create(operations);
        var text = await content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var boundary = content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!;
        Assert.StartsWith("--" + boundary + "\r\nContent-Type: multipart/mixed; boundary=changeset_", text, StringComparison.Ordinal);
        Assert.Contains("MERGE http://127.0.0.1:1/acct/t(PartitionKey='p',RowKey='r') HTTP/1.1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("If-Match: *\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DELETE http://127.0.0.1:1/acct/t(PartitionKey='p',RowKey='s') HTTP/1.1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("If-Match: W/\"x\"\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("--" + boundary + "--\r\n", text, StringComparison.Ordinal);
    }
}
