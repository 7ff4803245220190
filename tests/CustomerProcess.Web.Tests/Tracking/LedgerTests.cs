using System.Net;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CustomerProcess.Web.Tests.Tracking;

[Collection(AppCollection.Name)]
public sealed class LedgerTests(AppFactory app)
{
    private readonly TrackingDriver _driver = new(app);

    /// <summary>Downloads a file the way the browser would, with the client's language.</summary>
    private static async Task<HttpResponseMessage> DownloadAsync(BrowserLikeClient client, string url, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.Http.SendAsync(request);
    }

    private static async Task<List<IDictionary<string, object?>>> ReadSheetAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task The_Excel_export_of_a_filtered_ledger_contains_exactly_the_filtered_rows_with_the_lists_columns()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var a = await _driver.SignedContractAsync(customer, CustomerClass.Regular, quantity: 1, unitPrice: 11_000m);
        var b = await _driver.SignedContractAsync(customer, CustomerClass.Regular, quantity: 2, unitPrice: 11_000m);
        var closed = await _driver.SignedContractAsync(customer, CustomerClass.Regular, quantity: 3, unitPrice: 11_000m);
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.PostOnContractAsync(closed, "contracts", "Close", [new("Reason", "客户取消 / cancelled by the customer")])).Status);
        await _driver.DeliverAsync(b, 1, "TD-B1");

        var contracts = await _driver.As("contracts");
        var list = await contracts.GetAsync($"/Ledger?q={customer}&status=Executing");
        var listed = list.Document.QuerySelectorAll("#ledger tbody tr").Select(r => r.GetAttribute("data-contract")).ToList();
        Assert.Equal([b.Number, a.Number], listed);
        var headers = list.Document.QuerySelectorAll("#ledger thead th").Select(h => h.TextContent.Trim()).ToList();
        var totals = list.Document.QuerySelector("#ledger-totals tr[data-currency='CNY']")!.TextContent;
        Assert.Contains("33,000.00", totals, StringComparison.Ordinal); // 11,000 + 22,000, the closed contract excluded

        var exportHref = list.Document.QuerySelector("#export-link")!.GetAttribute("href")!.Replace("&amp;", "&", StringComparison.Ordinal);
        var rows = await ReadSheetAsync(await DownloadAsync(contracts, exportHref, "en"));

        Assert.Equal(listed, rows.Select(r => r["Contract"]?.ToString()));
        Assert.Equal(headers, rows[0].Keys);
        Assert.Equal(22_000m, Convert.ToDecimal(rows[0]["Amount"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(11_000m, Convert.ToDecimal(rows[0]["Delivered"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(50m, Convert.ToDecimal(rows[0]["Delivered %"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Executing", rows[0]["Status"]);
        Assert.All(rows, r => Assert.Equal(customer, r["Customer code"]));

        var chineseClient = app.CreateBrowserClient("zh-CN");
        await chineseClient.SignInAsync("contracts");
        var chinese = await ReadSheetAsync(await DownloadAsync(chineseClient, $"/Ledger/Export?q={customer}&status=Completed", "zh-CN"));
        var row = Assert.Single(chinese);
        Assert.Equal(closed.Number, row["合同"]);
        Assert.Equal("已完成", row["状态"]);

        var none = await ReadSheetAsync(await DownloadAsync(contracts, $"/Ledger/Export?q={customer}&status=Terminated", "en"));
        Assert.Empty(none);
    }

    [Fact]
    public async Task Overdue_deliveries_and_payments_are_flagged_from_the_day_after_the_due_date()
    {
        // The test clock stands at 2026-11-23 (China time).
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var dueYesterday = await _driver.SignedContractAsync(customer, CustomerClass.Regular, quantity: 1, unitPrice: 1_000m, deliveryDate: "2026-11-22");
        var dueToday = await _driver.SignedContractAsync(customer, CustomerClass.Regular, quantity: 1, unitPrice: 1_000m, deliveryDate: "2026-11-23");
        var delivered = await _driver.SignedContractAsync(customer, CustomerClass.Regular, quantity: 1, unitPrice: 1_000m, deliveryDate: "2026-11-20");
        await _driver.DeliverAsync(delivered, 1, "TD-D");

        // Customer payment term: 30 days. Invoiced 2026-10-23 → due 2026-11-22 (overdue); 2026-10-24 → due today (not yet).
        await _driver.InvoiceAsync(delivered, "FP-OLD", 500m, issuedOn: "2026-10-23");
        await _driver.InvoiceAsync(dueToday, "FP-NEW", 500m, issuedOn: "2026-10-24");

        var contracts = await _driver.As("contracts");
        var overdueDeliveries = await contracts.GetAsync($"/Ledger?q={customer}&overdue=Delivery");
        Assert.Equal([dueYesterday.Number], overdueDeliveries.Document.QuerySelectorAll("#ledger tbody tr").Select(r => r.GetAttribute("data-contract")));
        var overduePayments = await contracts.GetAsync($"/Ledger?q={customer}&overdue=Payment");
        Assert.Equal([delivered.Number], overduePayments.Document.QuerySelectorAll("#ledger tbody tr").Select(r => r.GetAttribute("data-contract")));
        var any = await contracts.GetAsync($"/Ledger?q={customer}&overdue=Any");
        Assert.Equal(2, any.Document.QuerySelectorAll("#ledger tbody tr").Length);

        var all = await contracts.GetAsync($"/Ledger?q={customer}");
        Assert.NotNull(all.Document.QuerySelector($"#ledger tr[data-contract='{dueYesterday.Number}'] .overdue-delivery"));
        Assert.Null(all.Document.QuerySelector($"#ledger tr[data-contract='{dueToday.Number}'] .overdue-delivery"));
        Assert.Null(all.Document.QuerySelector($"#ledger tr[data-contract='{dueToday.Number}'] .overdue-payment"));
        Assert.NotNull(all.Document.QuerySelector($"#ledger tr[data-contract='{delivered.Number}'] .overdue-payment"));
        var contract = await _driver.ReloadAsync(dueToday);
        Assert.Equal(new DateOnly(2026, 11, 23), contract.PaymentDue);
    }

    [Fact]
    public async Task The_ledger_filters_by_salesperson_and_a_salesperson_sees_only_their_own_contracts()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular, quantity: 1, unitPrice: 2_000m);
        var salesId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "sales").Select(u => u.Id).SingleAsync());
        var managerId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "salesmanager").Select(u => u.Id).SingleAsync());
        var contracts = await _driver.As("contracts");

        var bySales = await contracts.GetAsync($"/Ledger?q={customer}&sales={salesId}");
        var byManager = await contracts.GetAsync($"/Ledger?q={customer}&sales={managerId}");
        var asSales = await (await _driver.As("sales")).GetAsync($"/Ledger?q={customer}");

        Assert.Equal([contract.Number], bySales.Document.QuerySelectorAll("#ledger tbody tr").Select(r => r.GetAttribute("data-contract")));
        Assert.NotNull(byManager.Document.QuerySelector(".empty"));
        Assert.Contains(contract.Number, asSales.Document.QuerySelector("#ledger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _driver.As("production")).GetAsync("/Ledger")).Status);
    }
}
