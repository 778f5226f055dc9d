using System.Diagnostics;
using System.Text;

namespace QuyCheWorkflow.Testing;

/// <summary>
/// A local tool (Azurite, maildev) run under tools/guard.js. The guard stops the tool when our end of its
/// standard input closes, which the OS does for us if this test process dies, so nothing outlives the run.
/// </summary>
public sealed class GuardedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private GuardedProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the tool printed, for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static GuardedProcess Start(string executable, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Tools,
        };
        startInfo.ArgumentList.Add(Path.Combine(RepositoryPaths.Tools, "guard.js"));
        startInfo.ArgumentList.Add(executable);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var guarded = new GuardedProcess(process);
        process.OutputDataReceived += (_, e) => guarded.Append(e.Data);
        process.ErrorDataReceived += (_, e) => guarded.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return guarded;
    }

    /// <summary>Stops the tool gracefully (SIGTERM through the guard), killing it if it does not end in time.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The guard already went away; nothing to signal.
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length > 16_000)
            {
                _output.Remove(0, 8_000);
            }

            _output.AppendLine(line);
        }
    }
}
