namespace CustomerProcess.BrowserTests;

public sealed class BrowserAvailabilityTests
{
    [Fact]
    public void A_missing_browser_skips_the_browser_tests_with_the_reason_when_none_is_required()
    {
        var reason = BrowserAvailability.SkipReasonFor("/nonexistent/chromium", exists: false, requireVariable: null);

        Assert.NotNull(reason);
        Assert.Contains("/nonexistent/chromium", reason, StringComparison.Ordinal);
        Assert.Contains("apt-get install", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    public void A_missing_browser_is_not_skipped_when_the_environment_requires_the_browser_tests(string require) =>
        Assert.Null(BrowserAvailability.SkipReasonFor("/nonexistent/chromium", exists: false, requireVariable: require));

    [Fact]
    public void A_present_browser_runs_the_browser_tests() =>
        Assert.Null(BrowserAvailability.SkipReasonFor("/usr/bin/chromium", exists: true, requireVariable: null));

    [Fact]
    public void The_browser_path_comes_from_the_environment_or_defaults_to_debians_chromium()
    {
        Assert.Equal("/usr/bin/chromium", BrowserAvailability.PathFrom(null));
        Assert.Equal("/usr/bin/chromium", BrowserAvailability.PathFrom(" "));
        Assert.Equal("/opt/chrome/chrome", BrowserAvailability.PathFrom("/opt/chrome/chrome"));
    }
}
