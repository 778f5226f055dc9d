using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Tests.State;

public sealed class StateJsonTests
{
    [Fact]
    public void Deserialize_DraftStoredBeforeOrigins_ReadsAsAnUpload()
    {
        var hash = ContentHash.Of("dự thảo"u8);
        string json = $$"""{"number":1,"contentHash":"{{hash}}","fileName":"Dự thảo.docx","contentType":"{{DraftVersion.DocxContentType}}","uploadedBy":"van-phong","uploadedAt":"2026-03-01T02:00:00+00:00"}""";

        var draft = StateJson.Deserialize<DraftVersion>(json);

        Assert.Equal(hash, draft.ContentHash);
        Assert.Equal(DraftOrigin.Upload, draft.Origin);
        Assert.Null(draft.SourceId);
    }

    [Fact]
    public void Serialize_DraftFromModel_RoundTripsItsOrigin()
    {
        DraftVersion draft = new(1, ContentHash.Of("mẫu"u8), "Mẫu.docx", DraftVersion.DocxContentType, "van-phong",
            new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero), DraftOrigin.Model, "tu:Agency:2");

        var read = StateJson.Deserialize<DraftVersion>(StateJson.Serialize(draft));

        Assert.Equal(DraftOrigin.Model, read.Origin);
        Assert.Equal("tu:Agency:2", read.SourceId);
    }
}
