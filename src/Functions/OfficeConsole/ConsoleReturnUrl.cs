using System.Diagnostics.CodeAnalysis;

namespace QuyCheWorkflow.Functions.OfficeConsole;

/// <summary>
/// Where a person goes after signing in: only a path of the console itself, so a crafted link cannot send them
/// elsewhere (open redirect).
/// </summary>
public static class ConsoleReturnUrl
{
    /// <summary>The query parameter (as the cookie scheme writes it when it sends a person to sign in).</summary>
    public const string Parameter = "ReturnUrl";

    /// <summary>True for <c>/van-phong</c> and paths below it (with an optional query), nothing else.</summary>
    public static bool IsLocalConsolePath([NotNullWhen(true)] string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 &&
        url.StartsWith(ConsolePaths.Root, StringComparison.Ordinal) &&
        (url.Length == ConsolePaths.Root.Length || url[ConsolePaths.Root.Length] is '/' or '?') &&
        !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal) &&
        !url.Contains("/..", StringComparison.Ordinal) && !url.Any(char.IsControl);

    /// <summary><paramref name="url"/> when it is a console path, otherwise the console's home.</summary>
    public static string OrHome(string? url) => IsLocalConsolePath(url) ? url : ConsolePaths.Home;
}
