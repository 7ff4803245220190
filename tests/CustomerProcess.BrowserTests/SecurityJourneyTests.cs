using Microsoft.Playwright;
using OtpNet;

namespace CustomerProcess.BrowserTests;

/// <summary>Issue #21 as users meet it: finance confirms the credit figures sales proposes, and a user turns on
/// two-factor sign-in and then signs in with the authenticator's code.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Sales_proposes_a_credit_limit_and_finance_confirms_it_in_Chinese()
    {
        var sales = await browser.SignedInAsync("sales", "zh-CN");
        await sales.GotoAsync("/Customers/Create");
        var code = "FP-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await sales.FillAsync("#Code", code);
        await sales.FillAsync("#Name", "无锡精密铸造有限公司");
        await sales.SelectOptionAsync("#Class", "New");
        await sales.FillAsync("#CreditLimit", "650000");
        await sales.ClickAsync("form.form button[type=submit].primary");
        await sales.WaitForSelectorAsync("#pending-finance");
        var customerUrl = sales.Url;
        // The customer's own figure waits for finance.
        Assert.DoesNotContain("650,000.00", await sales.Locator("dl").First.TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.Contains("650,000.00", await sales.Locator("#pending-finance").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(sales, "40-credit-proposal-sales-zh");

        var finance = await browser.SignedInAsync("finance", "zh-CN");
        finance.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await finance.ClickAsync("header nav a:has-text('信用确认')");
        var row = finance.Locator("#finance-proposals tr", new PageLocatorOptions { HasText = code });
        Assert.Contains("650,000.00", await row.TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(finance, "41-credit-proposals-finance-zh");
        await row.Locator("button:has-text('确认')").ClickAsync();
        await finance.WaitForSelectorAsync("p.flash");

        await finance.GotoAsync(customerUrl);
        Assert.Contains("650,000.00", await finance.Locator("dl").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await finance.Locator("#pending-finance").CountAsync());
        await BrowserFixture.ScreenshotAsync(finance, "42-credit-confirmed-zh");
    }

    [BrowserFact]
    public async Task A_user_turns_on_two_factor_sign_in_and_then_signs_in_with_the_code()
    {
        var admin = await browser.SignedInAsync("admin");
        await admin.GotoAsync("/Users/Create");
        var userName = "tf" + Guid.NewGuid().ToString("N")[..6];
        await admin.FillAsync("#UserName", userName);
        await admin.FillAsync("#DisplayName", "双重 Two-factor");
        await admin.SelectOptionAsync("#DepartmentId", new SelectOptionValue { Label = "Quality" });
        await admin.CheckAsync("input[name=Roles][value=QualityStaff]");
        await admin.FillAsync("#Password", "two factor test password");
        await admin.ClickAsync("form.form button[type=submit].primary");
        await admin.WaitForSelectorAsync("p.flash");

        var user = await SignInAsync(userName);
        await BrowserFixture.WaitForUrlAsync(user, url => !url.Contains("/Account/Login", StringComparison.Ordinal), "the new user was not signed in");
        await user.ClickAsync("header a:has-text('Two-factor sign-in')");
        await user.GotoAsync("/TwoFactor/Setup");
        var key = (await user.Locator("#shared-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.True(await user.Locator("#qr-code").IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(user, "43-two-factor-setup-en");

        await user.FillAsync("#Code", "000000" == CodeNow(key) ? "111111" : "000000");
        await user.ClickAsync("form button[type=submit].primary");
        await user.WaitForSelectorAsync(".errors li");

        await user.FillAsync("#Code", CodeNow(key));
        await user.ClickAsync("form button[type=submit].primary");
        await BrowserFixture.WaitForUrlAsync(user, url => url.Contains("/TwoFactor/RecoveryCodes", StringComparison.Ordinal), "two-factor sign-in was not turned on");
        await BrowserFixture.ScreenshotAsync(user, "44-two-factor-recovery-codes-en");

        var again = await SignInAsync(userName);
        await BrowserFixture.WaitForUrlAsync(again, url => url.Contains("/Account/LoginTwoFactor", StringComparison.Ordinal), "the second step was not asked for");
        await again.FillAsync("#Code", CodeNow(key));
        await again.ClickAsync("button[type=submit].primary");
        await again.WaitForSelectorAsync("h1:has-text('Welcome')");
    }

    private static string CodeNow(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);

    private async Task<IPage> SignInAsync(string userName)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "en-US" });
        var page = await browser.NewPageAsync(context);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", "two factor test password");
        await page.ClickAsync("button[type=submit].primary");
        return page;
    }
}
