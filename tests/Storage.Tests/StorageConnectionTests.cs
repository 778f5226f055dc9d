using Azure.Core;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class StorageConnectionTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void Parse_UseDevelopmentStorage_UsesEmulatorEndpoints()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), connection.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableEndpoint);
    }

    [Fact]
    public void Parse_DevelopmentStorageWithProxy_UsesProxyHost()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite");

        Assert.Equal(new Uri("http://azurite:10002/devstoreaccount1"), connection.TableEndpoint);
    }

    [Fact]
    public void Parse_AccountWithSuffix_DerivesHostStyleEndpoints()
    {
        var connection = StorageConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=quyche;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal("quyche", connection.AccountName);
        Assert.Equal(new Uri("https://quyche.blob.core.windows.net"), connection.BlobEndpoint);
        Assert.Equal(new Uri("https://quyche.queue.core.windows.net"), connection.QueueEndpoint);
        Assert.Equal(new Uri("https://quyche.table.core.windows.net"), connection.TableEndpoint);
    }

    [Fact]
    public void Parse_SovereignCloudSuffixAndDefaultProtocol_UsesHttps()
    {
        var connection = StorageConnection.Parse($"AccountName=quyche;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://quyche.table.core.chinacloudapi.cn"), connection.TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitEndpoints_OverrideDerivedOnes()
    {
        var connection = StorageConnection.Parse(
            $" defaultendpointsprotocol=http ; accountname=devstoreaccount1 ; accountkey={Key} ; " +
            "BlobEndpoint=http://127.0.0.1:4000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:4001/devstoreaccount1;TableEndpoint=http://127.0.0.1:4002/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:4000/devstoreaccount1"), connection.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:4001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:4002/devstoreaccount1"), connection.TableEndpoint);
    }

    [Theory]
    [InlineData("AccountName=a")]
    [InlineData("AccountKey=" + Key)]
    [InlineData("AccountName=a;AccountKey=not base64!")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";BlobEndpoint=not a uri")]
    [InlineData("AccountName=a;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp")]
    [InlineData("AccountName=a;AccountName=b;AccountKey=" + Key)]
    [InlineData("BlobEndpoint=https://a.blob.core.windows.net;SharedAccessSignature=sv=2021&sig=x")]
    [InlineData("garbage")]
    public void Parse_Malformed_ThrowsFormatException(string connectionString)
    {
        Assert.Throws<FormatException>(() => StorageConnection.Parse(connectionString));
    }

    [Fact]
    public void Parse_BadKey_MessageDoesNotEchoTheKey()
    {
        var failure = Assert.Throws<FormatException>(() => StorageConnection.Parse("AccountName=a;AccountKey=secret-value!"));

        Assert.DoesNotContain("secret-value", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverRevealsKey()
    {
        var connection = StorageConnection.Parse($"AccountName=quyche;AccountKey={Key}");

        Assert.DoesNotContain(Key, connection.ToString(), StringComparison.Ordinal);
        Assert.Contains("quyche", connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromTokenCredential_HostStyle_TakesAccountFromHost()
    {
        var connection = StorageConnection.FromTokenCredential(
            new Uri("https://quyche.blob.core.windows.net"), new Uri("https://quyche.queue.core.windows.net"), new Uri("https://quyche.table.core.windows.net"), new NoCredential());

        Assert.Equal("quyche", connection.AccountName);
    }

    [Fact]
    public void FromTokenCredential_PathStyle_TakesAccountFromPath()
    {
        var connection = StorageConnection.FromTokenCredential(
            new Uri("http://127.0.0.1:10000/acct"), new Uri("http://127.0.0.1:10001/acct"), new Uri("http://127.0.0.1:10002/acct"), new NoCredential());

        Assert.Equal("acct", connection.AccountName);
    }

    private sealed class NoCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
