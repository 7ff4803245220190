using System.Net;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

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

    public void Dispose() => _app.Dispose();

    private static List<string> Rows(BrowserLikeClient.Page page) =>
        page.Document.QuerySelectorAll("#ledger tbody tr").Select(tr => tr.TextContent).ToList();

    /// <summary>Signed contracts made with the domain's constructors, saved through the app's context.</summary>
    private async Task AddContractsAsync(string customerCode, string customerName, int count, string numberPrefix)
    {
        await _app.WithDbAsync(async db =>
        {
            var salesId = await db.Users.Where(u => u.UserName == "sales").Select(u => u.Id).FirstAsync();
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.Code == customerCode);
            if (customer is null)
            {
                customer = new Customer(customerCode, customerName, CustomerClass.Regular, salesId);
                customer.UpdateDetails(customerName, null, null, null, null, null, null, 30, 0, CreditRating.A, null);
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
                var review = Review.Open(order.Id, ReviewPolicy.Standard.Decide(OrderFacts.From(order, customer.Class, false), ReviewThresholds.Default), ReviewThresholds.Default, order.ContentVersion, now);
                db.AddRange(order, review, new Contract(number, order.Id, review.Id, customer.Id, order.TotalMinor, "CNY", new DateOnly(2026, 11, 20), salesId, "Lin", null, now));
            }

            await db.SaveChangesAsync();
            return 0;
        });
    }
}
