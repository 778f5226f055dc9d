using QuyCheWorkflow.Domain.Calendar;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Tests.State;

/// <summary>Every state store over the shared Azurite, with table names and container unique to one test.</summary>
internal sealed class StateTestContext
{
    public StateTestContext(AzuriteFixture azurite)
    {
        string unique = "t" + Guid.NewGuid().ToString("N")[..12];
        Options = Microsoft.Extensions.Options.Options.Create(new StateOptions { TablePrefix = unique, DocumentsContainer = "documents-" + unique });
        Counter = new StorageRequestCounter();
        var storageOptions = TestStorageOptions.Create();
        storageOptions.PerRetryPolicies.Add(Counter);
        TableService = azurite.Azurite.CreateTableServiceClient(storageOptions);
        BlobService = azurite.Azurite.CreateBlobServiceClient(storageOptions);
        Tables = new StateTables(TableService, Options);
        Organisations = new OrganisationStore(Tables);
        Regulations = new RegulationStore(Tables);
        Votes = new VoteRoundStore(Tables);
        Consultations = new ConsultationStore(Tables);
        Filings = new FilingStore(Tables);
        Reviews = new ReviewStore(Tables);
        Numbers = new DocumentNumberRegistry(Tables, Clock);
        Requests = new RequestLog(Tables, Clock);
        Audit = new AuditLog(Tables, Clock);
        Documents = new DocumentStore(BlobService, Options);
        var ledger = new QuyCheWorkflow.Functions.Lifecycle.NoticeLedger(Tables);
        var recipients = new QuyCheWorkflow.Functions.Lifecycle.ConsultationRecipientStore(Tables);
        var outlook = new QuyCheWorkflow.Functions.Lifecycle.NoticeOutlook(Organisations, Consultations,
            recipients, Votes, Filings, Reviews, ledger, PublicHolidayCalendar.Empty);
        Status = new StatusProjection(Tables, Organisations, Regulations, Votes, Consultations, Filings, ledger, outlook, recipients, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(TestData.T0);

    public IOptions<StateOptions> Options { get; }

    public StorageRequestCounter Counter { get; }

    public TableServiceClient TableService { get; }

    public BlobServiceClient BlobService { get; }

    public StateTables Tables { get; }

    public OrganisationStore Organisations { get; }

    public RegulationStore Regulations { get; }

    public VoteRoundStore Votes { get; }

    public ConsultationStore Consultations { get; }

    public FilingStore Filings { get; }

    public ReviewStore Reviews { get; }

    public DocumentNumberRegistry Numbers { get; }

    public RequestLog Requests { get; }

    public AuditLog Audit { get; }

    public DocumentStore Documents { get; }

    public StatusProjection Status { get; }

    public TableClient RawTable(string name) => TableService.GetTableClient(Options.Value.TablePrefix + name);
}
