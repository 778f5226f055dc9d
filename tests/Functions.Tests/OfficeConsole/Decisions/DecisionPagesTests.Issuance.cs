using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Numbering;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.Office;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole.Decisions;

/// <summary>The step pages' rules over HTTP: the issue with its preview, the filing and the review.</summary>
public sealed partial class DecisionPagesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<int> NumbersTakenAsync(string organisationId)
    {
        var regulationTerm = (await app.Services.GetRequiredService<OrganisationStore>().GetAsync(organisationId, Token))!.Value.CurrentTerm;
        return (await app.Services.GetRequiredService<DocumentNumberRegistry>().ListAsync(organisationId, regulationTerm, DocumentType.Regulation, Token)).Count;
    }

    [Fact]
    public async Task Issue_Preview_ShowsNumberSymbolAndSigningLineAndReservesNothing()
    {
        var (organisationId, regulationId) = await app.ApprovedAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.IssueStep));
        var choose = await form.ShowAsync();

        var preview = await form.ShowAsync($"?xem-truoc=1&issueDate={Iso(app.Today)}&signerMemberId=m2");

        Assert.Contains("Nguyễn Văn Ân – Bí thư", choose);
        Assert.Contains("Lê Văn Cường – Ủy viên Ban Thường vụ", choose);
        Assert.Contains("Số 01-QC/ĐU", preview);
        Assert.Contains("T/M BAN THƯỜNG VỤ", preview);
        Assert.Contains("PHÓ BÍ THƯ", preview);
        Assert.Contains("Trần Thị Bình", preview);
        Assert.Equal(0, await NumbersTakenAsync(organisationId));
        Assert.Equal(RegulationStage.Approved, (await app.RegulationAsync(organisationId, regulationId)).Stage);
    }

    [Fact]
    public async Task Issue_Confirmed_IssuesUnderThePreviewedNumberOnceEvenWhenSentTwice()
    {
        var (organisationId, regulationId) = await app.ApprovedAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.IssueStep));
        await form.ShowAsync($"?xem-truoc=1&issueDate={Iso(app.Today)}&signerMemberId=m1");
        (string, string)[] fields = [("issueDate", Iso(app.Today)), ("signerMemberId", "m1")];
        var signed = (TestDocuments.Pdf("Quy che da ky"), "Quy chế đã ký.pdf", "application/pdf");

        var first = await form.SendAsync(fields, signed);
        var second = await form.SendAsync(fields, signed);

        Assert.Equal(HttpStatusCode.SeeOther, first.Status);
        Assert.Equal(HttpStatusCode.SeeOther, second.Status);
        var regulation = await app.RegulationAsync(organisationId, regulationId);
        Assert.Equal(RegulationStage.Issued, regulation.Stage);
        Assert.Equal("01-QC/ĐU", regulation.CurrentIssuance!.Number.Symbol);
        Assert.Equal(new Signer("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Ân"), regulation.CurrentIssuance.Signer);
        Assert.Equal(1, await NumbersTakenAsync(organisationId));
    }

    [Fact]
    public async Task Issue_WithARegulationInForce_OffersItAsReplacedAndSupersedesItOnConfirm()
    {
        var (organisationId, replaced, regulationId) = await app.ApprovedWithOneInForceAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.IssueStep));
        var choose = await form.ShowAsync();
        var preview = await form.ShowAsync($"?xem-truoc=1&issueDate={Iso(app.Today)}&signerMemberId=m1&supersedesRegulationId={replaced}");

        var (status, _, _) = await form.SendAsync([("issueDate", Iso(app.Today)), ("signerMemberId", "m1"), ("supersedesRegulationId", replaced)]);

        Assert.Contains("Quy chế được thay thế", choose);
        Assert.Contains($"<option value=\"{replaced}\" selected", choose);
        Assert.Contains("Quy chế số 01-QC/ĐU ngày", preview);
        Assert.Contains("hết hiệu lực từ ngày ban hành", preview);
        Assert.Contains("Số 02-QC/ĐU", preview);
        Assert.Equal(HttpStatusCode.SeeOther, status);
        var issued = await app.RegulationAsync(organisationId, regulationId);
        var old = await app.RegulationAsync(organisationId, replaced);
        Assert.Equal(replaced, issued.CurrentIssuance!.SupersedesRegulationId);
        Assert.Equal(RegulationStage.Superseded, old.Stage);
        Assert.Equal(regulationId, old.SupersededByRegulationId);
    }

    [Fact]
    public async Task Issue_ReplacingNothingChosen_LeavesTheOtherInForce()
    {
        var (organisationId, other, regulationId) = await app.ApprovedWithOneInForceAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.IssueStep));
        await form.ShowAsync($"?xem-truoc=1&issueDate={Iso(app.Today)}&signerMemberId=m1&supersedesRegulationId=");

        var (status, _, _) = await form.SendAsync([("issueDate", Iso(app.Today)), ("signerMemberId", "m1"), ("supersedesRegulationId", "")]);

        Assert.Equal(HttpStatusCode.SeeOther, status);
        Assert.Null((await app.RegulationAsync(organisationId, regulationId)).CurrentIssuance!.SupersedesRegulationId);
        Assert.Equal(RegulationStage.Issued, (await app.RegulationAsync(organisationId, other)).Stage);
    }

    [Fact]
    public async Task Issue_ReplacingARegulationNotOffered_Answers400BesideTheChoiceAndIssuesNothing()
    {
        var (organisationId, _, regulationId) = await app.ApprovedWithOneInForceAsync();
        var (_, elsewhere) = await app.IssuedAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.IssueStep));
        await form.ShowAsync($"?xem-truoc=1&issueDate={Iso(app.Today)}&signerMemberId=m1");

        var (status, html, _) = await form.SendAsync([("issueDate", Iso(app.Today)), ("signerMemberId", "m1"), ("supersedesRegulationId", elsewhere)]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"loi-supersedesRegulationId\"", html);
        Assert.Contains("Đề nghị chọn quy chế được thay thế trong danh sách", html);
        Assert.Equal(RegulationStage.Approved, (await app.RegulationAsync(organisationId, regulationId)).Stage);
        Assert.Equal(1, await NumbersTakenAsync(organisationId));
    }

    [Fact]
    public async Task Issue_OrdinaryMemberAsSigner_Answers400BesideTheSignerAndTakesNoNumber()
    {
        var (organisationId, regulationId) = await app.ApprovedAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.IssueStep));
        await form.ShowAsync($"?xem-truoc=1&issueDate={Iso(app.Today)}&signerMemberId=m1");

        var preview = await client.GetAsync(Step(organisationId, regulationId, ConsolePaths.IssueStep) + $"?xem-truoc=1&issueDate={Iso(app.Today)}&signerMemberId=m3", Token);
        var previewHtml = await preview.Content.ReadAsStringAsync(Token);
        var (status, html, _) = await form.SendAsync([("issueDate", Iso(app.Today)), ("signerMemberId", "m3")]);

        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        Assert.Contains("id=\"loi-signerMemberId\"", previewHtml);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"loi-signerMemberId\"", html);
        Assert.Contains("Đồng chí Lê Văn Cường là Ủy viên Ban Thường vụ, không ký thay mặt Ban Thường vụ", html);
        Assert.Contains("<option value=\"m3\" selected", html);
        Assert.Equal(RegulationStage.Approved, (await app.RegulationAsync(organisationId, regulationId)).Stage);
        Assert.Equal(0, await NumbersTakenAsync(organisationId));
    }

    [Fact]
    public async Task Issue_DateAfterToday_Answers400BesideTheDate()
    {
        var (organisationId, regulationId) = await app.ApprovedAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.IssueStep));
        await form.ShowAsync($"?xem-truoc=1&issueDate={Iso(app.Today)}&signerMemberId=m1");
        string tomorrow = Iso(app.Today.AddDays(1));

        var (status, html, _) = await form.SendAsync([("issueDate", tomorrow), ("signerMemberId", "m1")]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"loi-issueDate\"", html);
        Assert.Contains("chưa đến", html);
        Assert.Contains($"value=\"{tomorrow}\"", html);
        Assert.Equal(RegulationStage.Approved, (await app.RegulationAsync(organisationId, regulationId)).Stage);
    }

    [Fact]
    public async Task File_IssuedRegulation_ShowsTheUpperLevelOfficeAndFilesOnceEvenWhenSentTwice()
    {
        var (organisationId, regulationId) = await app.IssuedAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.FileStep));
        var html = await form.ShowAsync();

        var first = await form.SendAsync([]);
        var second = await form.SendAsync([]);

        var upperLevel = (await app.Services.GetRequiredService<OrganisationStore>().GetAsync(
            (await app.Services.GetRequiredService<OrganisationStore>().GetAsync(organisationId, Token))!.Value.ParentId!, Token))!.Value;
        Assert.Contains(upperLevel.OfficeName, html);
        Assert.Contains("vp.tu@example.vn", html);
        Assert.Contains("số 01-QC/ĐU", html);
        Assert.Equal(HttpStatusCode.SeeOther, first.Status);
        Assert.Equal(HttpStatusCode.SeeOther, second.Status);
        var regulation = await app.RegulationAsync(organisationId, regulationId);
        Assert.Equal(RegulationStage.Filed, regulation.Stage);
        Assert.Single(regulation.FilingIds);
    }

    [Fact]
    public async Task File_NoUpperLevel_ShowsWhyAndRefusesTheForm()
    {
        var (organisationId, regulationId) = await app.IssuedAsync(withUpperLevel: false);
        using var client = await app.ClerkOfAsync(organisationId);

        using var shown = await client.GetAsync(Step(organisationId, regulationId, ConsolePaths.FileStep), Token);
        var html = await shown.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.Conflict, shown.StatusCode);
        Assert.Contains("không có cấp trên để gửi văn bản", html);
        Assert.Equal(RegulationStage.Issued, (await app.RegulationAsync(organisationId, regulationId)).Stage);
    }

    [Fact]
    public async Task Review_KeepWithMinutes_RecordsItOnceEvenWhenSentTwice()
    {
        var (organisationId, regulationId) = await app.IssuedAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.ReviewStep));
        var html = await form.ShowAsync();
        (string, string)[] fields = [("meetingDate", Iso(app.Today)), ("outcome", "Keep"), ("notes", "Giữ nguyên toàn bộ quy chế.")];

        var first = await form.SendAsync(fields, Minutes());
        var second = await form.SendAsync(fields, Minutes());

        Assert.Contains("Hạn rà soát", html);
        Assert.Equal(HttpStatusCode.SeeOther, first.Status);
        Assert.Equal(HttpStatusCode.SeeOther, second.Status);
        var regulation = await app.RegulationAsync(organisationId, regulationId);
        Assert.Equal(app.Today, regulation.LastReviewDate);
    }

    [Fact]
    public async Task Review_MeetingDateAfterToday_Answers400BesideTheDateAndRecordsNothing()
    {
        var (organisationId, regulationId) = await app.IssuedAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.ReviewStep));
        await form.ShowAsync();

        var (status, html, _) = await form.SendAsync([("meetingDate", Iso(app.Today.AddDays(2))), ("outcome", "Amend"), ("notes", "Sửa Điều 3.")], Minutes());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"loi-meetingDate\"", html);
        Assert.Contains("chưa đến", html);
        Assert.Contains("Sửa Điều 3.", html);
        Assert.Matches("value=\"Amend\" checked", html);
        Assert.Null((await app.RegulationAsync(organisationId, regulationId)).LastReviewDate);
    }

    [Fact]
    public async Task Step_StaleAntiforgeryToken_Answers400AndChangesNothing()
    {
        var (organisationId, regulationId) = await app.IssuedAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.FileStep));

        var (status, html, _) = await form.SendAsync([]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Biểu mẫu đã hết hiệu lực", html);
        Assert.Equal(RegulationStage.Issued, (await app.RegulationAsync(organisationId, regulationId)).Stage);
    }
}
