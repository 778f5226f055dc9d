using System.Net;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests.Storage;

public sealed class AzuriteFixtureTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Start_OnFreePorts_AllThreeServicesAnswer()
    {
        using var http = new HttpClient();

        var blob = await http.GetAsync(fixture.Azurite.BlobEndpoint, TestContext.Current.CancellationToken);
        var table = await http.GetAsync(fixture.Azurite.TableEndpoint, TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, blob.StatusCode);
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, table.StatusCode);
        Assert.True(fixture.Azurite.IsRunning);
    }
}
