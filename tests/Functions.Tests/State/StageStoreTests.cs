using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.State;

/// <summary>Consultations, resolution sheets, filings and reviews: round trips and stale ETags.</summary>
public sealed class StageStoreTests(AzuriteFixture azurite)
{
    private readonly StateTestContext _state = new(azurite);

    [Fact]
    public async Task ConsultationStore_RoundAndSheet_RoundTripWithVietnameseComments()
    {
        var ct = TestContext.Current.CancellationToken;
        var walk = StateTestData.InVote("du-cty", "reg-1", StateTestData.Committee(3));
        await _state.Consultations.AddRoundAsync(walk.Consultation.ToState(), ct);
        await _state.Consultations.AddSheetAsync("reg-1", walk.Consultation.Id, walk.Sheet.ToState(), ct);

        var round = await _state.Consultations.GetRoundAsync("reg-1", walk.Consultation.Id, ct);
        var sheet = await _state.Consultations.GetSheetAsync("reg-1", walk.Consultation.Id, ct);

        Assert.Equal(StateJson.Serialize(walk.Consultation.ToState()), StateJson.Serialize(round!.Value));
        Assert.Equal(StateJson.Serialize(walk.Sheet.ToState()), StateJson.Serialize(sheet!.Value));
        Assert.Contains(round.Value.Responses, r => r.Comments.Any(c => c.Text == "Đề nghị làm rõ thẩm quyền của Thường trực Đảng ủy."));
    }

    [Fact]
    public async Task FilingStore_AcknowledgedAfterStaleWrite_KeepsFirstWriter()
    {
        var ct = TestContext.Current.CancellationToken;
        var filing = StateTestData.Filed("du-cty", "reg-1", "duk", new DateOnly(2026, 3, 16)).Filing!;
        var etag = await _state.Filings.AddAsync(filing.ToState(), ct);
        var acknowledged = Filing.FromState(filing.ToState());
        acknowledged.Acknowledge("văn-phòng-đảng-ủy-khối", TestData.T0.AddDays(12));
        var returned = Filing.FromState(filing.ToState());
        returned.Return(["Thiếu chữ ký của Bí thư."], "văn-phòng-đảng-ủy-khối", TestData.T0.AddDays(12));
        await _state.Filings.UpdateAsync(acknowledged.ToState(), etag, ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _state.Filings.UpdateAsync(returned.ToState(), etag, ct));

        var loaded = await _state.Filings.GetAsync("reg-1", filing.Id, ct);
        Assert.Equal(StateJson.Serialize(acknowledged.ToState()), StateJson.Serialize(loaded!.Value));
        Assert.Equal(FilingStatus.Acknowledged, loaded.Value.Status);
    }

    [Fact]
    public async Task ReviewStore_RecordedReview_RoundTrips()
    {
        var ct = TestContext.Current.CancellationToken;
        PeriodicReview review = new("review-1", "reg-1", new DateOnly(2026, 9, 16));
        var etag = await _state.Reviews.AddAsync(review.ToState(), ct);
        review.Record(new DateOnly(2026, 9, 10), TestData.Hash("biên bản"), ReviewOutcome.Keep, "Quy chế vẫn phù hợp, không cần sửa đổi.", "văn-phòng", TestData.T0.AddDays(190));
        await _state.Reviews.UpdateAsync(review.ToState(), etag, ct);

        var loaded = await _state.Reviews.GetAsync("reg-1", "review-1", ct);

        Assert.Equal(StateJson.Serialize(review.ToState()), StateJson.Serialize(loaded!.Value));
        Assert.Equal("Quy chế vẫn phù hợp, không cần sửa đổi.", loaded.Value.Notes);
    }
}
