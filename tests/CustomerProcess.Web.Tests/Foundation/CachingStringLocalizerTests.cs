using System.Globalization;
using CustomerProcess.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Tests.Foundation;

/// <summary>The cached localizer answers exactly as the resource files do, per UI culture.</summary>
public sealed class CachingStringLocalizerTests
{
    private static readonly IStringLocalizerFactory Factory = new CachingStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);

    [Fact]
    public void The_same_name_gives_each_cultures_own_text_and_the_same_localizer_is_shared()
    {
        var localizer = Factory.Create(typeof(SharedResource));
        Assert.Same(localizer, Factory.Create(typeof(SharedResource)));

        var english = In("en", () => localizer["Contract ledger"].Value);
        var chinese = In("zh-CN", () => localizer["Contract ledger"].Value);
        var englishAgain = In("en", () => localizer["Contract ledger"].Value);

        Assert.Equal("Contract ledger", english);
        Assert.Equal("合同台帐", chinese);
        Assert.Equal(english, englishAgain);
    }

    [Fact]
    public void Arguments_are_formatted_in_the_current_culture_and_a_missing_name_is_reported_as_missing()
    {
        var localizer = Factory.Create(typeof(SharedResource));

        var text = In("zh-CN", () => localizer["The password must have at least {0} characters.", 12].Value);
        var missing = In("en", () => localizer["No such resource name"]);

        Assert.Equal("密码至少需要 12 个字符。", text);
        Assert.True(missing.ResourceNotFound);
        Assert.Equal("No such resource name", missing.Value);
    }

    private static T In<T>(string culture, Func<T> read)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }
}
