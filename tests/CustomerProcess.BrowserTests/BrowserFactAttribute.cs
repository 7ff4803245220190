namespace CustomerProcess.BrowserTests;

/// <summary>
/// Where the browser tests find Chromium and whether they may skip without it. On a machine with only the SDK
/// (a newcomer's <c>dotnet test CustomerProcess.sln</c>) every browser test reports itself skipped with the
/// reason; where the environment requires them (<c>CP_REQUIRE_BROWSER=1</c>, as <c>.ci/run</c> sets) a missing
/// browser fails them instead. <c>CP_BROWSER_PATH</c> points at another Chromium (or, in CI, at a path that does
/// not exist, to check that the tests then say "skipped").
/// </summary>
public static class BrowserAvailability
{
    public const string PathVariable = "CP_BROWSER_PATH";
    public const string RequireVariable = "CP_REQUIRE_BROWSER";
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ChromiumPath => PathFrom(Environment.GetEnvironmentVariable(PathVariable));

    /// <summary>Null when the tests run; else why they are skipped.</summary>
    public static string? SkipReason => SkipReasonFor(ChromiumPath, File.Exists(ChromiumPath), Environment.GetEnvironmentVariable(RequireVariable));

    public static string PathFrom(string? configured) => string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured.Trim();

    public static bool Required(string? requireVariable) => requireVariable is "1" or "true" or "True" or "yes";

    public static string? SkipReasonFor(string chromiumPath, bool exists, string? requireVariable) =>
        exists || Required(requireVariable)
            ? null
            : $"No browser at {chromiumPath}: install Chromium (sudo apt-get install -y --no-install-recommends chromium) or set {PathVariable}; set {RequireVariable}=1 to make a missing browser fail.";
}

/// <summary>A browser test: skipped, with the reason, when no browser is found and none is required.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A browser theory: skipped, with the reason, when no browser is found and none is required.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (BrowserAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
