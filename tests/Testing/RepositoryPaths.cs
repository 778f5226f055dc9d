namespace QuyCheWorkflow.Testing;

/// <summary>Locates the repository (the folder holding QuyCheWorkflow.sln) and its local tools.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string Tools => Path.Combine(Root, "tools");

    public static string NodeTool(string name)
    {
        var path = Path.Combine(Tools, "node_modules", ".bin", name);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"'{path}' is missing. Install the local tools first: ./test.sh does it, or run 'npm ci' in tools/.");
        }

        return path;
    }

    private static string FindRoot()
    {
        var overridden = Environment.GetEnvironmentVariable("QCW_REPO_ROOT");
        if (!string.IsNullOrEmpty(overridden))
        {
            return overridden;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QuyCheWorkflow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("QuyCheWorkflow.sln was not found above " + AppContext.BaseDirectory);
    }
}
