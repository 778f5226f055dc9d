using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Web;
using QuyCheWorkflow.Functions.Web.Components;

namespace QuyCheWorkflow.Functions.Tests.Web;

/// <summary>
/// A real Kestrel app on a free port wired with the page extensions, serving a personal-link style opinion page
/// whose text comes from "a user" (it holds markup on purpose) and recording every accepted POST.
/// </summary>
internal sealed class PageTestApp : IAsyncDisposable
{
    public const string OpinionPath = "/test/opinion";

    public const string DraftSummary =
        "Điều 3. Nguyên tắc làm việc: tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách.\n" +
        "<script>document.title='hacked';window.__xss=1</script><b>không in đậm</b>";

    private readonly WebApplication _app;

    private PageTestApp(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<OpinionInput> Submitted { get; } = new();

    public static async Task<PageTestApp> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddQuyCheWorkflowWeb();
        var app = builder.Build();
        app.UseQuyCheWorkflowWeb();

        PageTestApp? self = null;
        app.MapGet(OpinionPath, ShowOpinionPage);
        app.MapPost(OpinionPath, ([FromForm] OpinionInput input) =>
        {
            self!.Submitted.Enqueue(input);
            return MessagePages.Done("Đã ghi nhận ý kiến", "Cảm ơn đồng chí đã gửi ý kiến.", input.Comment);
        });
        app.MapGet("/test/expired", () => MessagePages.ExpiredLink());
        app.MapGet("/test/boom", ThrowFailure);
        app.MapGet("/api/test/boom", ThrowFailure);

        await app.StartAsync(cancellationToken);
        self = new PageTestApp(app, new Uri(app.Urls.Single()));
        return self;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static RazorComponentResult<OpinionPage> ShowOpinionPage() =>
        new(new Dictionary<string, object?>
        {
            [nameof(OpinionPage.Title)] = "Biểu quyết dự thảo Quy chế làm việc",
            [nameof(OpinionPage.Context)] = "Đảng ủy xã Tân Phước – hạn biểu quyết: " +
                VietnamTime.FormatLongDateTime(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)),
            [nameof(OpinionPage.Summary)] = DraftSummary,
            [nameof(OpinionPage.Action)] = OpinionPath,
            [nameof(OpinionPage.Legend)] = "Biểu quyết của đồng chí",
            [nameof(OpinionPage.Choices)] = FormChoice.VoteChoices,
            [nameof(OpinionPage.SubmitLabel)] = "Gửi biểu quyết",
        });

    private static IResult ThrowFailure() => throw new InvalidOperationException("Simulated failure.");

    internal sealed record OpinionInput(string Choice, string? Comment);
}
