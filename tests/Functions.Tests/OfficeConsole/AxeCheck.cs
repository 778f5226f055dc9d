using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>
/// Runs axe-core (Deque.AxeCore.Playwright, whose axe script is embedded in the package: no network needed) on the
/// page as it is, and fails listing every violation with its rule, impact, help and the elements concerned.
/// </summary>
internal static class AxeCheck
{
    public static async Task AssertNoViolationsAsync(IPage page, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var results = await page.RunAxe();
        if (results.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder($"axe-core found {results.Violations.Length} violation(s) on {context ?? page.Url}:");
        foreach (var violation in results.Violations)
        {
            report.Append("\n- ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").Append(violation.Help);
            foreach (var node in violation.Nodes)
            {
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message);
                report.Append("\n    ").Append(node.Target).Append(' ').Append(node.Html).Append(" — ").Append(string.Join("; ", checks));
            }
        }

        Assert.Fail(report.ToString());
    }
}
