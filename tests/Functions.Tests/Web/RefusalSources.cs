using System.Text.RegularExpressions;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Web;

/// <summary>Reads the refusals out of the source of src/Domain and src/Functions, for the catalogue's coverage tests.</summary>
internal static partial class RefusalSources
{
    private static readonly string[] s_folders = ["src/Domain", "src/Functions"];

    /// <summary>What a refused transition is about, as the domain names it (the rest of the literals are actions).</summary>
    public static readonly IReadOnlySet<string> Subjects = new HashSet<string>(StringComparer.Ordinal)
    {
        "regulation", "amendment", "consultation round", "vote round", "periodic review", "filing", "campaign",
    };

    /// <summary>The lower-case literals passed to <c>InvalidTransitionException</c> and to the helpers that build one.</summary>
    public static IReadOnlyList<string> TransitionLiterals() =>
    [
        .. Files()
            .SelectMany(f => TransitionCall().Matches(File.ReadAllText(f)))
            .SelectMany(m => LowerCaseLiteral().Matches(m.Value))
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>"file:line" of each refusal constructed without a <see cref="Domain.RefusalCode"/>.</summary>
    public static IReadOnlyList<string> UncodedConstructions()
    {
        List<string> uncoded = [];
        foreach (var file in Files())
        {
            var text = File.ReadAllText(file);
            foreach (Match match in Construction().Matches(text))
            {
                var arguments = Arguments(text, match.Index + match.Length);
                bool coded = match.Groups["type"].Value switch
                {
                    "DomainException" => arguments.Count > 0 && CodeArgument().IsMatch(arguments[0]),
                    "InvalidTransitionException" => arguments.Count >= 3,
                    _ => arguments.Count > 0 && !arguments[0].TrimStart().StartsWith('"') && !arguments[0].TrimStart().StartsWith('$'),
                };
                if (!coded)
                {
                    int line = text.AsSpan(0, match.Index).Count('\n') + 1;
                    uncoded.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}:{line}");
                }
            }
        }

        return uncoded;
    }

    private static IEnumerable<string> Files() =>
        s_folders
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The top-level arguments of the call whose '(' ends just before <paramref name="start"/>.</summary>
    private static List<string> Arguments(string text, int start)
    {
        List<string> arguments = [];
        int depth = 0;
        int from = start;
        bool inString = false;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}' when depth > 0:
                    depth--;
                    break;
                case ')':
                    if (i > from || arguments.Count > 0)
                    {
                        arguments.Add(text[from..i]);
                    }

                    return arguments;
                case ',' when depth == 0:
                    arguments.Add(text[from..i]);
                    from = i + 1;
                    break;
            }
        }

        return arguments;
    }

    [GeneratedRegex(@"new\s+(?:[A-Za-z.]+\.)?(?<type>DomainException|InvalidTransitionException|UnresolvedCommentsException)\s*\(")]
    private static partial Regex Construction();

    [GeneratedRegex(@"^\s*(?:[A-Za-z.]+\.)?RefusalCode\.[A-Z]")]
    private static partial Regex CodeArgument();

    [GeneratedRegex(@"(?:(?:new\s+(?:[A-Za-z.]+\.)?InvalidTransitionException\(|InvalidTransitionException\.For\()[^;]*|(?:EnsureStage|CycleFor|EnsureOpenBeforeDeadline|Respond)\(""[^""]+""|(?:EnsureOwnFiling|EnsureLatestDraft|ActiveCycleOf|LoadCurrentVoteAsync)\([^;]*)")]
    private static partial Regex TransitionCall();

    [GeneratedRegex(@"""([a-z][a-z -]+)""")]
    private static partial Regex LowerCaseLiteral();
}
