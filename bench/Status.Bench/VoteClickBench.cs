using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.LinkPages;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Web;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Status.Bench;

/// <summary>
/// From a vote link's click to the vote being visible in the status endpoint, under an open-loop arrival rate.
/// Seeds organisations each with a regulation in an open vote round through <see cref="RegulationWorkflow"/> (so the
/// vote orchestrations, their e-mails and the status rows are the real ones), signs a vote link per member with the
/// app's <see cref="LinkBuilder"/>, then starts clicks on a fixed schedule whether or not earlier ones finished. A
/// click does what a phone does: GET the page, take the antiforgery cookie and field and the request id from its
/// form, POST the ballot; then the upper level's key polls <c>GET /api/status?organisationId=...</c> until the
/// member is no longer among those the vote waits for. Latency runs from the click's scheduled start, so queueing
/// shows.
/// </summary>
internal sealed partial class VoteClickBench : IDisposable
{
    public static readonly TimeSpan VisibleTimeout = TimeSpan.FromSeconds(30);

    private const string RootId = "tinh-uy";
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly Actor s_clerk = new("van-phong", "Văn phòng Đảng ủy", "bench");

    private readonly StatusBench _app;
    private readonly HttpClient _http;
    private string _statusKey = "";

    public VoteClickBench(StatusBench app)
    {
        _app = app;
        // Cookies are carried by hand, one phone per click; connections are pooled as a phone's carrier would not,
        // which keeps TCP set-up out of the figures.
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    /// <summary>
    /// Creates <paramref name="organisations"/> organisations below one province (ids starting with
    /// <paramref name="prefix"/>), each with <paramref name="voters"/> + 1 committee members and its regulation's
    /// vote open, and one vote link per voter. Ballots alternate agree /
    /// disagree, and one member never votes, so no round is decided by the clicks and every ballot stays countable.
    /// </summary>
    public async Task<IReadOnlyList<VoteClick>> SeedAsync(int organisations, int voters, string prefix, CancellationToken ct = default)
    {
        var store = _app.Services.GetRequiredService<OrganisationStore>();
        var status = _app.Services.GetRequiredService<StatusProjection>();
        var workflow = _app.Services.GetRequiredService<RegulationWorkflow>();
        var links = _app.Services.GetRequiredService<LinkBuilder>();
        var now = _app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        if (_statusKey.Length == 0)
        {
            await store.CreateAsync(Organisation(RootId, null, "TU", 1), ct);
            await status.RefreshAsync(RootId, ct);
            _statusKey = (await _app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiRole.UpperLevelOffice, RootId, "bench", ct)).Key;
        }

        ConcurrentBag<VoteClick> clicks = [];
        await Parallel.ForEachAsync(Enumerable.Range(1, organisations), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (o, c) =>
        {
            string organisationId = $"{prefix}-{o:D3}";
            string regulationId = $"qc-{prefix}-{o:D3}";
            await store.CreateAsync(Organisation(organisationId, RootId, "ĐU", voters + 1), c);
            await status.RefreshAsync(organisationId, c);
            await workflow.CreateRegulationAsync(organisationId, regulationId, "Quy chế làm việc của Ban Chấp hành Đảng bộ, nhiệm kỳ 2025–2030", null, s_clerk, c);
            var draft = await workflow.UploadDraftAsync(organisationId, regulationId, Encoding.UTF8.GetBytes("PK-docx " + regulationId),
                "Dự thảo lần 1.docx", Domain.Regulations.DraftVersion.DocxContentType, s_clerk, c);
            var consultation = await workflow.OpenConsultationAsync(organisationId, regulationId,
                [new ConsultationRecipient("ban-to-chuc", "Ban Tổ chức", $"btc-{o:D3}@example.vn")], now.AddDays(7), s_clerk, c);
            await workflow.AnswerConsultationAsync(regulationId, consultation.Id, "ban-to-chuc", true, [], s_clerk, c);
            var round = await workflow.SubmitForVoteAsync(organisationId, regulationId, now.AddDays(5), s_clerk, c);
            for (int m = 1; m <= voters; m++)
            {
                string memberId = MemberId(m);
                var link = links.Create(new LinkClaims(regulationId, round.Id, memberId, LinkAction.Vote, draft.ContentHash.ToString(), round.Deadline.AddDays(1)));
                clicks.Add(new VoteClick(organisationId, memberId, m, link.PathAndQuery, m % 2 == 1 ? "agree" : "disagree"));
            }
        });

        // Interleaved: consecutive clicks go to different organisations, as when many committees vote at once.
        return [.. clicks.OrderBy(c => c.MemberNumber).ThenBy(c => c.OrganisationId, StringComparer.Ordinal)];
    }

    /// <summary>Waits until the app's storage traffic has fallen to its idle rate (the seeding's orchestrations have sent their e-mails).</summary>
    public async Task<TimeSpan> WaitUntilQuietAsync(double requestsPerSecond, TimeSpan limit, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        int quietSeconds = 0;
        while (quietSeconds < 3 && Stopwatch.GetElapsedTime(started) < limit)
        {
            long before = _app.Counter.Total;
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            quietSeconds = _app.Counter.Total - before <= requestsPerSecond ? quietSeconds + 1 : 0;
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Starts click i at i / <paramref name="clicksPerSecond"/> seconds and waits for all of them to end.</summary>
    public async Task<VoteClickResult> RunAsync(IReadOnlyList<VoteClick> clicks, double clicksPerSecond, CancellationToken ct = default)
    {
        _app.Counter.Reset();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long origin = Stopwatch.GetTimestamp();
        List<Task<ClickOutcome>> running = new(clicks.Count);
        double maxStartLagMs = 0;
        for (int i = 0; i < clicks.Count; i++)
        {
            long scheduled = origin + (long)(i * Stopwatch.Frequency / clicksPerSecond);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            maxStartLagMs = Math.Max(maxStartLagMs, Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds);
            var click = clicks[i];
            running.Add(Task.Run(() => ClickAsync(click, scheduled, ct), ct));
        }

        var startWindow = Stopwatch.GetElapsedTime(origin);
        var outcomes = await Task.WhenAll(running);
        var elapsed = Stopwatch.GetElapsedTime(origin);
        long requests = _app.Counter.Total;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var byOperation = _app.Counter.Snapshot().OrderByDescending(p => p.Value)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value / (double)clicks.Count:0.0}"));
        Console.Error.WriteLine("Storage requests per click by operation: " + string.Join(", ", byOperation));

        var visible = outcomes.Where(o => o.Error is null).ToList();
        List<double> latencies = [.. visible.Select(o => o.VisibleMs).Order()];
        List<double> pages = [.. visible.Select(o => o.PageMs).Order()];
        List<double> ballots = [.. visible.Select(o => o.BallotMs).Order()];
        double P(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : StatusBench.Percentile(sorted, p);
        return new VoteClickResult(
            clicks.Count,
            clicksPerSecond,
            clicks.Count > 1 ? (clicks.Count - 1) / startWindow.TotalSeconds : 0,
            visible.Count / elapsed.TotalSeconds,
            maxStartLagMs,
            P(latencies, 0.50), P(latencies, 0.95), P(latencies, 0.99), latencies.Count == 0 ? double.NaN : latencies[^1],
            P(pages, 0.50), P(ballots, 0.50),
            visible.Count == 0 ? 0 : visible.Average(o => o.Polls),
            outcomes.Where(o => o.Error is not null).GroupBy(o => o.Error!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            (double)requests / clicks.Count,
            cpu.TotalMilliseconds / clicks.Count,
            elapsed);
    }

    public void Dispose() => _http.Dispose();

    private async Task<ClickOutcome> ClickAsync(VoteClick click, long scheduled, CancellationToken ct)
    {
        try
        {
            using var show = new HttpRequestMessage(HttpMethod.Get, click.Path);
            show.Headers.Accept.ParseAdd("text/html");
            using var page = await _http.SendAsync(show, ct);
            string html = await page.Content.ReadAsStringAsync(ct);
            if (page.StatusCode != HttpStatusCode.OK)
            {
                return ClickOutcome.Failed($"page {(int)page.StatusCode}");
            }

            double pageMs = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
            using var submit = new HttpRequestMessage(HttpMethod.Post, click.Path)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    [WebServiceCollectionExtensions.AntiforgeryFieldName] = HiddenField(html, WebServiceCollectionExtensions.AntiforgeryFieldName),
                    [LinkPageEndpoints.RequestIdField] = HiddenField(html, LinkPageEndpoints.RequestIdField),
                    ["choice"] = click.Choice,
                    // A ballot other than "agree" needs its reason.
                    ["comment"] = click.Choice == "agree" ? "" : "Đề nghị quy định rõ hơn thời hạn gửi báo cáo tại Điều 5.",
                }),
            };
            submit.Headers.Accept.ParseAdd("text/html");
            submit.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
            long posting = Stopwatch.GetTimestamp();
            using var ballot = await _http.SendAsync(submit, ct);
            if (ballot.StatusCode != HttpStatusCode.OK)
            {
                return ClickOutcome.Failed($"ballot {(int)ballot.StatusCode}");
            }

            double ballotMs = Stopwatch.GetElapsedTime(posting).TotalMilliseconds;
            long posted = Stopwatch.GetTimestamp();
            for (int polls = 1; ; polls++)
            {
                if (await IsCountedAsync(click, ct))
                {
                    return new ClickOutcome(Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds, pageMs, ballotMs, polls, null);
                }

                if (Stopwatch.GetElapsedTime(posted) > VisibleTimeout)
                {
                    return ClickOutcome.Failed($"not visible {VisibleTimeout.TotalSeconds:0} s after the ballot");
                }

                await Task.Delay(s_pollInterval, ct);
            }
        }
        catch (HttpRequestException exception)
        {
            return ClickOutcome.Failed(exception.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return ClickOutcome.Failed("HTTP timeout");
        }
    }

    /// <summary>Whether the organisation's status row no longer lists the member among those the vote waits for.</summary>
    private async Task<bool> IsCountedAsync(VoteClick click, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/status?organisationId={click.OrganisationId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", _statusKey);
        using var response = await _http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var row = json.RootElement.GetProperty("organisations").EnumerateArray()
            .Single(o => o.GetProperty("organisationId").GetString() == click.OrganisationId);
        return row.GetProperty("pendingSummary").GetString()?.EndsWith("phiếu biểu quyết", StringComparison.Ordinal) == true
            && !row.GetProperty("pendingFrom").EnumerateArray().Any(p => p.GetProperty("id").GetString() == click.MemberId);
    }

    private static string HiddenField(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal) && ValueAttribute().Match(input.Value) is { Success: true } value)
            {
                return WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"The vote page has no '{name}' field.");
    }

    [GeneratedRegex("<input[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex InputTag();

    [GeneratedRegex("value=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ValueAttribute();

    private static string MemberId(int number) => $"uv-{number:D2}";

    private static Organisation Organisation(string id, string? parentId, string code, int members) => new(
        id,
        $"Đảng bộ {id}",
        OrganisationCode.Parse(code),
        OrganisationType.Agency,
        parentId,
        new Term(2025, 2030),
        new StandingCommittee([.. Enumerable.Range(1, members).Select(m => new CommitteeMember(
            MemberId(m), $"Ủy viên {m} {id}", $"{id}-{MemberId(m)}@example.vn", m == members ? CommitteeRole.Secretary : CommitteeRole.Member))]));

    private sealed record ClickOutcome(double VisibleMs, double PageMs, double BallotMs, int Polls, string? Error)
    {
        public static ClickOutcome Failed(string error) => new(0, 0, 0, 0, error);
    }
}
