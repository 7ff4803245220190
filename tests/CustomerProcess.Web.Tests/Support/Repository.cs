namespace CustomerProcess.Web.Tests.Support;

/// <summary>The repository's root folder (where CustomerProcess.sln is), for tests that read source files.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CustomerProcess.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
