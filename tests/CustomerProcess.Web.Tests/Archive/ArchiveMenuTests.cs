using System.Net;
using CustomerProcess.Web.Tests.Support;

namespace CustomerProcess.Web.Tests.Archive;

/// <summary>Issue #16: the menu links to the archive pages for the roles that use them, and nobody sees a link that
/// answers them with 403.</summary>
[Collection(AppCollection.Name)]
public sealed class ArchiveMenuTests(AppFactory app)
{
    [Theory]
    [InlineData("admin")]
    [InlineData("sales")]
    [InlineData("salesmanager")]
    [InlineData("quality")]
    [InlineData("production")]
    [InlineData("purchasing")]
    [InlineData("technical")]
    [InlineData("finance")]
    [InlineData("legal")]
    [InlineData("safety")]
    [InlineData("gm")]
    [InlineData("contracts")]
    [InlineData("qstaff")]
    [InlineData("buhead")]
    public async Task Every_menu_link_a_user_sees_opens_for_that_user(string userName)
    {
        using var client = app.CreateBrowserClient();
        await client.SignInAsync(userName);

        var home = await client.GetAsync("/Queue");
        var links = home.Document.QuerySelectorAll("header nav a").Select(a => a.GetAttribute("href")!).Distinct().ToList();

        Assert.NotEmpty(links);
        var refused = new List<string>();
        foreach (var link in links)
        {
            var page = await client.GetAsync(link);
            if (page.Status != HttpStatusCode.OK)
            {
                refused.Add($"{link} answered {(int)page.Status}");
            }
        }

        Assert.True(refused.Count == 0, $"{userName}: " + string.Join("; ", refused));
    }

    [Theory]
    [InlineData("sales", true, false, true)]
    [InlineData("salesmanager", true, true, true)]
    [InlineData("quality", false, true, true)]
    [InlineData("gm", false, true, true)]
    [InlineData("finance", false, false, false)]
    [InlineData("qstaff", false, false, true)]
    public async Task The_archive_links_are_shown_to_the_roles_that_use_them(string userName, bool due, bool classChanges, bool property)
    {
        using var client = app.CreateBrowserClient();
        await client.SignInAsync(userName);

        var nav = (await client.GetAsync("/Queue")).Document.QuerySelector("header nav")!;

        Assert.Equal(due, nav.QuerySelector("#nav-archive-due") is not null);
        Assert.Equal(classChanges, nav.QuerySelector("#nav-class-changes") is not null);
        Assert.Equal(property, nav.QuerySelector("#nav-property") is not null);
        Assert.NotNull(nav.QuerySelector("#nav-archive-access"));
        Assert.NotNull(nav.QuerySelector("#nav-special-requirements"));
    }
}
