using System.Net;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Bench;

/// <summary>The ledger list after the performance work: search through indexes, a cached capped count
/// that still follows every saved change.</summary>
public sealed class LedgerListTests : IDisposable
{
    private readonly AppFactory _app = new();

    [Fact]
    public async Task Search_by_customer_code_or_contract_number_prefix_finds_exactly_those_contracts()
    {
        await AddContractsAsync("LS-A", "Ledger Search Alpha", 3, "HT-2031-7");
        await AddContractsAsync("LS-B", "Ledger Search Beta", 2, "HT-2031-8");
        using var client = _app.CreateBrowserClient();
        await client.SignInAsync("contracts");

        Assert.Equal(3, Rows(await client.GetAsync("/Ledger?q=ls-a")).Count);
        Assert.Equal(2, Rows(await client.GetAsync("/Ledger?q=LS-B&sort=amount")).Count);
        Assert.Equal(2, Rows(await client.GetAsync("/Ledger?q=search beta")).Count); // a part of the name
        var byNumber = Rows(await client.GetAsync("/Ledger?q=HT-2031-7"));
        Assert.Equal(3, byNumber.Count);
        Assert.All(byNumber, r => Assert.Contains("HT-2031-7", r, StringComparison.Ordinal));
        Assert.Equal(5, Rows(await client.GetAsync("/Ledger?q=HT-2031")).Count);
        Assert.Contains("No contracts match.", (await client.GetAsync("/Ledger?q=HT-2031-9")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cached_count_follows_a_newly_signed_contract_at_once()
    {
        await AddContractsAsync("LC-A", "Ledger Count Alpha", 20, "HT-2032-1");
        using var client = _app.CreateBrowserClient();
        await client.SignInAsync("contracts");

        var first = await client.GetAsync("/Ledger?q=LC-A");
        Assert.Equal(20, Rows(first).Count);
        Assert.Null(first.Document.QuerySelector(".pager a[rel=next]"));

        // Asked again: the same answer (from the cache).
        Assert.Null((await client.GetAsync("/Ledger?q=LC-A")).Document.QuerySelector(".pager a[rel=next]"));

        await AddContractsAsync("LC-A", "Ledger Count Alpha", 1, "HT-2032-2");
        var after = await client.GetAsync("/Ledger?q=LC-A");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotNull(after.Document.QuerySelector(".pager a[rel=next]"));
        Assert.Contains("Page 1 of 2", after.Document.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_salesperson_never_gets_totals_or_rows_cached_for_someone_else()
    {
        await CreateSalespersonAsync("sales2");
        await AddContractsAsync("LT-A", "Ledger Totals Alpha", 3, "HT-2033-1");            // sales: 1,000 + 2,000 + 3,000
        await AddContractsAsync("LT-B", "Ledger Totals Beta", 2, "HT-2033-2", "sales2");   // sales2: 1,000 + 2,000
        using var contracts = _app.CreateBrowserClient();
        await contracts.SignInAsync("contracts");
        using var sales = _app.CreateBrowserClient();
        await sales.SignInAsync("sales");
        using var sales2 = _app.CreateBrowserClient();
        await sales2.SignInAsync("sales2", DemoPassword);

        // The whole ledger is computed (and cached) first, for the same filter the salespeople then ask.
        foreach (var url in new[] { "/Ledger?q=HT-2033", "/Ledger" })
        {
            var all = await contracts.GetAsync(url);
            Assert.Equal(("5", "9,000.00"), Totals(all, "CNY"));

            var own = await sales.GetAsync(url);
            Assert.Equal(("3", "6,000.00"), Totals(own, "CNY"));
            Assert.Equal(3, Rows(own).Count);
            Assert.All(Rows(own), r => Assert.Contains("HT-2033-1", r, StringComparison.Ordinal));

            var other = await sales2.GetAsync(url);
            Assert.Equal(("2", "3,000.00"), Totals(other, "CNY"));
            Assert.Equal(2, Rows(other).Count);
            Assert.All(Rows(other), r => Assert.Contains("HT-2033-2", r, StringComparison.Ordinal));

            // Naming the other salesperson in the filter does not widen what a salesperson sees.
            var sales2Id = await _app.WithDbAsync(db => db.Users.Where(u => u.UserName == "sales2").Select(u => u.Id).SingleAsync());
            var asked = await sales.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "sales=" + sales2Id);
            Assert.Empty(Rows(asked));
            Assert.Null(asked.Document.QuerySelector("#ledger-totals"));
        }
    }

    public void Dispose() => _app.Dispose();

    private const string DemoPassword = "Demo-Password-2026";

    private static (string Count, string Amount) Totals(BrowserLikeClient.Page page, string currency)
    {
        var row = page.Document.QuerySelector($"#ledger-totals tr[data-currency={currency}]");
        Assert.NotNull(row);
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        return (cells[1], cells[2]);
    }

    private async Task CreateSalespersonAsync(string userName)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = "Second salesperson", LockoutEnabled = true, CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Sales)).Succeeded);
    }

    private static List<string> Rows(BrowserLikeClient.Page page) =>
        page.Document.QuerySelectorAll("#ledger tbody tr").Select(tr => tr.TextContent).ToList();

    /// <summary>Signed contracts made with the domain's constructors, saved through the app's context.</summary>
    private async Task AddContractsAsync(string customerCode, string customerName, int count, string numberPrefix, string salesperson = "sales")
    {
        await _app.WithDbAsync(async db =>
        {
            var salesId = await db.Users.Where(u => u.UserName == salesperson).Select(u => u.Id).FirstAsync();
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.Code == customerCode);
            if (customer is null)
            {
                customer = new Customer(customerCode, customerName, CustomerClass.Regular, salesId);
                customer.UpdateDetails(customerName, null, null, null, null, 30, null);
                customer.ApplyConfirmedFinanceTerms(FinanceTerms.None with { CreditRating = CreditRating.A });
                db.Customers.Add(customer);
            }

            var now = _app.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < count; i++)
            {
                var number = $"{numberPrefix}{i:D3}";
                var order = new SalesOrder("DD" + number[2..], customer.Id, salesId, now);
                order.UpdateDraft(
                    new OrderContent(OrderChannel.PurchaseOrder, ProductNovelty.Standard, false, false, false, false, "GB/T 3216", null, null, null, null, null, null, null, null),
                    [new OrderLineData(null, "Pump", null, 1 + i, "台", 1000m, new DateOnly(2026, 12, 1), null, null, null)]);
                order.Submit(now);
                var review = Review.Open(ReviewSubjectKind.SalesOrder, order.Id, ReviewPolicy.Standard.Decide(OrderFacts.From(order, customer.Class, false), ReviewThresholds.Default), ReviewThresholds.Default, order.ContentVersion, now);
                db.AddRange(order, review, new Contract(number, order.Id, review.Id, customer.Id, order.TotalMinor, "CNY", new DateOnly(2026, 11, 20), salesId, "Lin", null, now));
            }

            await db.SaveChangesAsync();
            return 0;
        });
    }
}
