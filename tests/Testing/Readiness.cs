using System.Net.Sockets;

namespace QuyCheWorkflow.Testing;

internal static class Readiness
{
    public static async Task WaitForPortsAsync(GuardedProcess process, string what, TimeSpan timeout, params int[] ports)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{what} exited during start-up:\n{process.RecentOutput}");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync("127.0.0.1", port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }
                catch (SocketException e)
                {
                    throw new TimeoutException($"{what} did not open port {port} within {timeout}:\n{process.RecentOutput}", e);
                }
            }
        }
    }
}
