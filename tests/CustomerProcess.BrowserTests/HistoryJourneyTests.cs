using System.Text.RegularExpressions;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

/// <summary>Issue #18 item 2: the contract administrator opens a contract's history and reads it in their language.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class HistoryJourneyTests(BrowserFixture browser)
{
    [BrowserTheory]
    [InlineData("zh-CN", "zh", "合同", "金额", "签订日期", "客户")]
    [InlineData("en-US", "en", "Contract", "Amount", "Signed on", "Customer")]
    public async Task The_history_of_a_contract_shows_translated_labels_values_and_who_changed_what(
        string locale, string suffix, string record, string amount, string signedOn, string customer)
    {
        var driver = new TrackingDriver(browser.App);
        var code = await driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await driver.SignedContractAsync(code, CustomerClass.Regular, quantity: 10, unitPrice: 10_000m);
        var errorsBefore = browser.PageErrors.Count;

        var page = await browser.SignedInAsync("contracts", locale);
        await page.GotoAsync($"/Ledger/Details/{contract.Id}");
        await page.ClickAsync($"a[href='/Ledger/History/{contract.Id}']");
        await page.WaitForSelectorAsync("#history .history-change");
        await BrowserFixture.ScreenshotAsync(page, $"95-contract-history-{suffix}");

        var fields = (await page.Locator("#history td.history-field").AllTextContentsAsync()).Select(f => f.Trim()).ToList();
        Assert.Contains(amount, fields);
        Assert.Contains(signedOn, fields);
        Assert.Contains(customer, fields);
        Assert.DoesNotContain(fields, f => FieldName().IsMatch(f)); // no "AmountMinor", "CustomerId", "SignedByUserId"
        var text = await page.Locator("#history").TextContentAsync() ?? "";
        Assert.Contains(record + " " + contract.Number, text, StringComparison.Ordinal);
        Assert.Contains(code, text, StringComparison.Ordinal); // the customer by its code, not its id
        Assert.False(GuidPattern().IsMatch(text), "A GUID on the history page: " + GuidPattern().Match(text).Value);
        Assert.Contains("100,000.00", text, StringComparison.Ordinal);

        // Only the person who signed the contract: fewer changes, each headed by that person.
        var people = page.Locator("#history-person option:not([value=''])");
        Assert.True(await people.CountAsync() >= 1);
        var person = await people.First.GetAttributeAsync("value");
        var name = (await people.First.TextContentAsync())!.Trim();
        await page.SelectOptionAsync("#history-person", person!);
        await page.ClickAsync("#history-filter button[type=submit]");
        await page.WaitForSelectorAsync("#history-filter a");
        var heads = await page.Locator("#history .history-who").AllTextContentsAsync();
        Assert.NotEmpty(heads);
        Assert.All(heads, h => Assert.Equal(name, h.Trim()));
        await BrowserFixture.ScreenshotAsync(page, $"96-contract-history-by-person-{suffix}");
        Assert.Equal(errorsBefore, browser.PageErrors.Count);
    }

    [GeneratedRegex(@"^[A-Z][a-z]+[A-Z][A-Za-z]*$")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
