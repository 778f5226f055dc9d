using System.Diagnostics;
using OpenTelemetry;

namespace QuyCheWorkflow.Functions.Hosting;

/// <summary>
/// Keeps personal-link tokens out of exported spans: a request whose route carries the token records the route
/// template as its path instead of the path it came with. Runs before any exporter sees the span.
/// </summary>
internal sealed class LinkTokenRedactionProcessor : BaseProcessor<Activity>
{
    private const string RouteTag = "http.route";
    private const string PathTag = "url.path";
    private const string TokenParameter = "{token}";

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Kind == ActivityKind.Server &&
            data.GetTagItem(RouteTag) is string route &&
            route.Contains(TokenParameter, StringComparison.Ordinal))
        {
            data.SetTag(PathTag, route);
        }
    }
}
