namespace CustomerProcess.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PageErrorTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_main_pages_render_without_console_errors_or_CSP_violations()
    {
        var page = await browser.SignedInAsync("salesmanager");
        foreach (var path in new[] { "/", "/Queue", "/Orders", "/Orders/Create", "/Ledger", "/Customers", "/Customers/Create", "/Products", "/Complaints", "/Complaints/Create", "/Surveys", "/Delegations" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
        }

        Assert.Empty(browser.PageErrors);
    }
}
