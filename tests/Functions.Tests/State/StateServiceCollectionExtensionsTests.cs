using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Tests.State;

public sealed class StateServiceCollectionExtensionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddQuyCheWorkflowState_WithStorageClients_ResolvesWorkingStores()
    {
        var ct = TestContext.Current.CancellationToken;
        string prefix = "di" + Guid.NewGuid().ToString("N")[..10];
        using var services = new ServiceCollection()
            .AddSingleton(azurite.Azurite.CreateTableServiceClient())
            .AddSingleton(azurite.Azurite.CreateBlobServiceClient())
            .Configure<StateOptions>(o => o.TablePrefix = prefix)
            .AddQuyCheWorkflowState()
            .BuildServiceProvider();

        var organisations = services.GetRequiredService<OrganisationStore>();
        await organisations.CreateAsync(StateTestData.Organisation("tinh-uy", null, "TU"), ct);
        var status = await services.GetRequiredService<StatusProjection>().RefreshAsync("tinh-uy", ct);

        Assert.Equal("Chưa có quy chế", status.StageLabel);
        Assert.True((await azurite.Azurite.CreateTableServiceClient().GetTableClient(prefix + StatusProjection.TableName)
            .GetEntityIfExistsAsync<TableEntity>("tinh-uy", "tinh-uy", cancellationToken: ct)).HasValue);
        Assert.Same(services.GetRequiredService<RequestLog>(), services.GetRequiredService<RequestLog>());
        Assert.NotNull(services.GetRequiredService<AuditLog>());
        Assert.NotNull(services.GetRequiredService<DocumentStore>());
        Assert.NotNull(services.GetRequiredService<DocumentNumberRegistry>());
    }
}
