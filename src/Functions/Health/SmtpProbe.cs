using System.Globalization;
using System.Net.Sockets;
using System.Text;
using QuyCheWorkflow.Functions.Hosting;

namespace QuyCheWorkflow.Functions.Health;

/// <summary>Connects to the configured SMTP server and reads its 220 greeting; sends nothing.</summary>
internal static class SmtpProbe
{
    public static async Task<(HealthCheckStatus Status, string Reason)> ProbeAsync(
        IConfiguration configuration, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var host = configuration[AppSettings.MailSmtpHost];
        if (string.IsNullOrEmpty(host))
        {
            return (HealthCheckStatus.Skipped, "no SMTP server configured");
        }

        var port = int.TryParse(configuration[AppSettings.MailSmtpPort], NumberStyles.None, CultureInfo.InvariantCulture, out var configured)
            ? configured
            : 25;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeoutSource.Token);
            var stream = client.GetStream();
            var buffer = new byte[512];
            var read = await stream.ReadAsync(buffer, timeoutSource.Token);
            var greeting = Encoding.ASCII.GetString(buffer, 0, read);
            return greeting.StartsWith("220", StringComparison.Ordinal)
                ? (HealthCheckStatus.Ok, "220 greeting received")
                : (HealthCheckStatus.Error, "unexpected greeting: " + FirstLine(greeting));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (HealthCheckStatus.Error, $"no greeting within {timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException exception)
        {
            return (HealthCheckStatus.Error, "connection failed: " + exception.SocketErrorCode);
        }
        catch (IOException exception)
        {
            return (HealthCheckStatus.Error, "connection dropped: " + exception.Message);
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length > 80 ? line[..80] : line;
    }
}
