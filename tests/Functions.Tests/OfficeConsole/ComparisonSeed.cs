using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Lifecycle.Tails;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.Office;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>
/// What the comparison pages are tested on, made once per host through the app's own commands: a model published by
/// "khoi" (the previous term's sample text), then in "co-so-1" a regulation started from it whose draft 2 is the
/// sample draft, consulted with three recipients who all just agreed (so the round is closed and formal), and in
/// "co-so-2" a regulation whose draft 2 is a scanned PDF.
/// </summary>
internal static class ComparisonSeed
{
    public const string RegulationId = "qc-so-sanh";
    public const string ScannedRegulationId = "qc-ban-quet";

    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static readonly Actor s_clerk = new("van-phong", "Văn phòng", "kiem-thu");

    public static async Task EnsureAsync(ConsoleTestHost host, CancellationToken cancellationToken)
    {
        await s_gate.WaitAsync(cancellationToken);
        try
        {
            if (await host.Get<RegulationStore>().GetAsync("co-so-2", ScannedRegulationId, cancellationToken) is not null)
            {
                return;
            }

            var workflow = host.Get<RegulationWorkflow>();
            var bytes = RegulationSamples.Docx(RegulationSamples.PreviousTerm);
            var hash = await host.Get<DocumentStore>().UploadAsync(bytes, "Quy chế mẫu.docx", DraftVersion.DocxContentType, cancellationToken);
            ModelRegulation model = new("khoi", OrganisationType.Agency, 1, "Quy chế làm việc mẫu", hash, "Quy chế mẫu.docx",
                DraftVersion.DocxContentType, "Văn phòng", host.Clock.GetUtcNow());
            var written = await host.Get<ModelRegulationStore>().PublishAsync(model, default,
                workflow.Tail("khoi", s_clerk).Create(new NewModelPublication(model)).Build(true), cancellationToken);
            await workflow.CompleteAsync(written, cancellationToken);

            await workflow.CreateRegulationFromAsync("co-so-1", RegulationId, "Quy chế làm việc nhiệm kỳ 2025 - 2030", null, DraftOrigin.Model, s_clerk, cancellationToken);
            await workflow.UploadDraftAsync("co-so-1", RegulationId, RegulationSamples.Docx(RegulationSamples.Draft), "Dự thảo lần 2.docx",
                DraftVersion.DocxContentType, s_clerk, cancellationToken);
            var round = await workflow.OpenConsultationAsync("co-so-1", RegulationId,
            [
                new ConsultationRecipient("r1", "Lê Văn Cảnh", "canh@kiem-thu.example.vn"),
                new ConsultationRecipient("r2", "Trần Thị Hoa", "hoa@kiem-thu.example.vn"),
                new ConsultationRecipient("r3", "Phạm Văn Bình", "binh@kiem-thu.example.vn"),
            ], host.Clock.GetUtcNow().AddDays(7), s_clerk, cancellationToken);
            foreach (var recipient in new[] { "r1", "r2", "r3" })
            {
                await workflow.AnswerConsultationAsync(RegulationId, round.Id, recipient, true, [], s_clerk, cancellationToken);
            }

            await workflow.CreateRegulationFromAsync("co-so-2", ScannedRegulationId, "Quy chế làm việc nhiệm kỳ 2025 - 2030", null, DraftOrigin.Model, s_clerk, cancellationToken);
            await workflow.UploadDraftAsync("co-so-2", ScannedRegulationId, RegulationSamples.ScannedPdf(), "Dự thảo lần 2.pdf",
                DraftVersion.PdfContentType, s_clerk, cancellationToken);
        }
        finally
        {
            s_gate.Release();
        }
    }
}
