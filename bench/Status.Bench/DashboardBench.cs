using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Status.Bench;

/// <summary>
/// The dashboard's reads on a seeded province (<see cref="StatusBench.SeedAsync"/>): each scenario is called one at a
/// time after 3 warm-up calls, with the app's storage requests counted per call. "Before" is the read every page load
/// paid before the tree was kept: the organisation's path and a range query of the whole subtree.
/// </summary>
internal sealed class DashboardBench(StatusBench bench, HttpClient client)
{
    public async Task<StatusBenchResult> MeasureAsync(string scenario, string path, int calls, bool coldTree = false)
    {
        var projection = bench.Services.GetRequiredService<StatusProjection>();
        return await MeasureAsync(scenario, calls, async () =>
        {
            if (coldTree)
            {
                projection.ForgetTrees();
            }

            using var response = await client.GetAsync(path);
            byte[] body = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
            }

            return (Rows(response, body), body.LongLength);
        });
    }

    /// <summary>
    /// A client with a console session of a new upper-level account of <paramref name="organisationId"/>: the session
    /// cookie is made with the app's own cookie protection, as signing in by the e-mailed link would make it (the bench
    /// has no mailbox). Every request then re-reads the account, as every console request does.
    /// </summary>
    public static async Task<HttpClient> SignInAsync(StatusBench bench, string organisationId)
    {
        var now = DateTimeOffset.UtcNow;
        var account = await bench.Services.GetRequiredService<AccountStore>().CreateAsync(new Account(
            AccountStore.NewId(), "Nguyễn Văn Đo", "do-hieu-nang@quyche.example.vn", organisationId, ApiRole.UpperLevelOffice, now, "bench"));
        var options = bench.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(ConsoleAuthentication.Scheme);
        var ticket = new AuthenticationTicket(
            ConsoleAuthentication.PrincipalFor(account),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.Add(ConsoleAuthentication.IdleLifetime) },
            ConsoleAuthentication.Scheme);
        var client = new HttpClient { BaseAddress = bench.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("Cookie", $"{ConsoleAuthentication.CookieName}={options.TicketDataFormat.Protect(ticket)}");
        return client;
    }

    /// <summary>The subtree read as every status request made it before the tree was kept (no HTTP, no rendering).</summary>
    public Task<StatusBenchResult> MeasureSubtreeReadAsync(string rootId, int calls)
    {
        var organisations = bench.Services.GetRequiredService<OrganisationStore>();
        var projection = bench.Services.GetRequiredService<StatusProjection>();
        return MeasureAsync("Before: the organisation's path and a range query of the whole subtree (storage only)", calls, async () =>
        {
            string path = (await organisations.GetPathAsync(rootId))!;
            var rows = await projection.QuerySubtreeAtPathAsync(path);
            return (rows.Count, 0);
        });
    }

    private async Task<StatusBenchResult> MeasureAsync(string scenario, int calls, Func<Task<(int Rows, long Bytes)>> call)
    {
        for (int i = 0; i < 3; i++)
        {
            await call();
        }

        List<double> latencies = [];
        long requests = 0;
        (int Rows, long Bytes) last = default;
        for (int i = 0; i < calls; i++)
        {
            bench.Counter.Reset();
            var started = Stopwatch.GetTimestamp();
            last = await call();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            requests += bench.Counter.Total;
        }

        latencies.Sort();
        return new StatusBenchResult(
            scenario, calls, last.Rows, StatusBench.Percentile(latencies, 0.50), StatusBench.Percentile(latencies, 0.95), latencies[^1],
            (double)requests / calls, last.Bytes);
    }

    // Rows shown: JSON's page, the HTML table's body rows, or a download's data rows.
    private static int Rows(HttpResponseMessage response, byte[] body)
    {
        string? type = response.Content.Headers.ContentType?.MediaType;
        if (type == "application/json")
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.GetProperty("organisations").GetArrayLength();
        }

        if (type == StatusXlsx.ContentType)
        {
            using var stream = new MemoryStream(body);
            using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            return sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count() - 1;
        }

        string text = Encoding.UTF8.GetString(body);
        return type switch
        {
            "text/html" => CountOf(text, "<tr class="),
            "text/csv" => text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1,
            _ => -1,
        };
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public static string ToMarkdown(IReadOnlyList<StatusBenchResult> results, int organisations, int calls) =>
        StatusBench.ToMarkdown(results, organisations, calls).Replace("| Rows returned |", "| Rows shown |", StringComparison.Ordinal)
            .Replace("Storage requests per call", "Storage requests per load", StringComparison.Ordinal)
            + string.Create(CultureInfo.InvariantCulture, $"\nThe tree is kept for {StatusProjection.TreeMaxAge.TotalSeconds:0} s.\n");
}
