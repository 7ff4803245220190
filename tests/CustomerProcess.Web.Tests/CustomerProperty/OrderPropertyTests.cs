using System.Net;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Security;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace CustomerProcess.Web.Tests.CustomerProperty;

/// <summary>Issue #16 item 4: property declared on an order appears on the order page and in the review (page, print, PDF)
/// — "declared, not yet received" until the register holds a receipt against the order, then the register entries.</summary>
public sealed class OrderPropertyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly ReviewDriver _users = new(app);

    private async Task<(Guid ReviewId, Guid OrderId, string OrderNumber, string CustomerCode)> OrderDeclaringPropertyAsync()
    {
        var code = await _users.CustomerAsync(CustomerClass.New);
        var form = ReviewDriver.OrderForm(code, 10, 15_000m);
        form.Add(new("CustomerPropertyHandling", "客供图纸 D-12 及检具 / customer drawings D-12 and gauge"));
        var reviewId = await _users.SubmitOrderAsync(form);
        var order = await app.WithDbAsync(async db =>
        {
            var review = await db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId);
            Assert.Equal(ReviewSubjectKind.SalesOrder, review.SubjectKind);
            return await db.SalesOrders.AsNoTracking().Where(o => o.Id == review.SubjectId).Select(o => new { o.Id, o.Number }).SingleAsync();
        });
        return (reviewId, order.Id, order.Number, code);
    }

    [Fact]
    public async Task Declared_property_shows_as_not_received_then_lists_the_register_receipt_on_the_order_and_the_review()
    {
        var (reviewId, orderId, orderNumber, customerCode) = await OrderDeclaringPropertyAsync();
        var manager = await _users.As("salesmanager");
        var quality = await _users.As("quality");

        // Declared, nothing received yet: both pages say so.
        var orderPage = await manager.GetAsync($"/Orders/Details/{orderId}");
        Assert.NotNull(orderPage.Document.QuerySelector("#property-not-received"));
        Assert.NotNull((await manager.GetAsync($"/Reviews/{reviewId}")).Document.QuerySelector("#property-not-received"));
        var registerLink = orderPage.Document.QuerySelector("#register-order-property")!.GetAttribute("href")!;
        Assert.Equal($"/CustomerProperty/Create?order={orderNumber}", registerLink);

        // Quality registers the receipt from the order page: the order and its customer are filled in.
        var form = await quality.GetAsync(registerLink);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(orderNumber, form.Document.QuerySelector("#OrderNumber")!.GetAttribute("value"));
        Assert.Equal(customerCode, form.Document.QuerySelector("#CustomerCode")!.GetAttribute("value"));
        var registered = await quality.SubmitAsync(registerLink,
        [
            new("OrderNumber", orderNumber), new("CustomerCode", customerCode), new("Kind", "Drawing"), new("Description", "图纸 D-12 / drawing set D-12"),
            new("DeclaredQuantity", "3"), new("ReceivedQuantity", "2"), new("Unit", "套"), new("MatchesSpecification", "true"), new("ReceivedOn", "2026-11-23"),
        ]);
        Assert.True(registered.Status == HttpStatusCode.Redirect, registered.ErrorText);
        var itemId = Guid.Parse(registered.Location!.Split('/').Last());
        var item = await app.WithDbAsync(db => db.CustomerPropertyItems.AsNoTracking().SingleAsync(p => p.Id == itemId));
        Assert.Equal(orderId, item.OrderId);
        Assert.Equal(PropertyStatus.Received, item.Status);

        // The order page, the review form and its print view list the entry with a link to the register.
        foreach (var path in new[] { $"/Orders/Details/{orderId}", $"/Reviews/{reviewId}", $"/Reviews/{reviewId}/Print" })
        {
            var page = await manager.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Null(page.Document.QuerySelector("#property-not-received"));
            var rows = page.Document.QuerySelector("#order-property-items")!;
            Assert.Contains(item.Number, rows.TextContent, StringComparison.Ordinal);
            Assert.Contains("drawing set D-12", rows.TextContent, StringComparison.Ordinal);
            Assert.Contains("declared 3", rows.TextContent, StringComparison.Ordinal);
            Assert.Contains("Received", rows.TextContent, StringComparison.Ordinal);
            Assert.Contains("Not inspected yet", rows.TextContent, StringComparison.Ordinal);
            Assert.Equal($"/CustomerProperty/Details/{itemId}", rows.QuerySelector("a")!.GetAttribute("href"));
        }

        // The review form only shows the register; it does not offer to register from there.
        Assert.Null((await manager.GetAsync($"/Reviews/{reviewId}")).Document.QuerySelector("#register-order-property"));

        // Once quality has inspected it, the result is on the review form too.
        var token = await quality.TokenFromAsync($"/CustomerProperty/Details/{itemId}");
        var inspected = await quality.PostAsync($"/CustomerProperty/Inspect/{itemId}", [new("Passed", "false"), new("Result", "缺一套图纸 / one set missing")], token);
        Assert.Equal(HttpStatusCode.Redirect, inspected.Status);
        var review = await manager.GetAsync($"/Reviews/{reviewId}");
        var inspectedRows = review.Document.QuerySelector("#order-property-items")!.TextContent;
        Assert.Contains("Failed", inspectedRows, StringComparison.Ordinal);
        Assert.Contains("one set missing", inspectedRows, StringComparison.Ordinal);
        Assert.Contains("On hold", inspectedRows, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_PDF_lists_the_register_entries_of_the_order_in_Chinese()
    {
        var (reviewId, _, orderNumber, customerCode) = await OrderDeclaringPropertyAsync();
        var quality = await _users.As("quality");
        var registered = await quality.SubmitAsync($"/CustomerProperty/Create?order={orderNumber}",
        [
            new("OrderNumber", orderNumber), new("CustomerCode", customerCode), new("Kind", "Gauge"), new("Description", "检具 G-7"),
            new("DeclaredQuantity", "1"), new("ReceivedQuantity", "1"), new("Unit", "件"), new("MatchesSpecification", "true"), new("ReceivedOn", "2026-11-23"),
        ]);
        Assert.True(registered.Status == HttpStatusCode.Redirect, registered.ErrorText);
        var number = await app.WithDbAsync(db => db.CustomerPropertyItems.Where(p => p.Description == "检具 G-7").Select(p => p.Number).SingleAsync());
        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("salesmanager");

        var response = await client.Http.GetAsync($"/Reviews/{reviewId}/Pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("顾客财产登记", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("检具 G-7", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_review_reader_outside_the_register_sees_the_entry_without_a_link_and_cannot_open_it_by_url()
    {
        var (reviewId, orderId, orderNumber, customerCode) = await OrderDeclaringPropertyAsync();
        var quality = await _users.As("quality");
        var registered = await quality.SubmitAsync($"/CustomerProperty/Create?order={orderNumber}",
        [
            new("OrderNumber", orderNumber), new("CustomerCode", customerCode), new("Kind", "Sample"), new("Description", "Sample S-9"),
            new("DeclaredQuantity", "1"), new("ReceivedQuantity", "1"), new("Unit", "件"), new("MatchesSpecification", "true"), new("ReceivedOn", "2026-11-23"),
        ]);
        Assert.True(registered.Status == HttpStatusCode.Redirect, registered.ErrorText);
        var itemId = Guid.Parse(registered.Location!.Split('/').Last());

        // The finance head signs a section of this review, so reads the form, but the register is not finance's.
        var sections = await app.WithDbAsync(db => db.ReviewSections.Where(s => s.ReviewId == reviewId).Select(s => s.DepartmentCode).ToListAsync());
        Assert.Contains("Finance", sections);
        var finance = await _users.As("finance");
        var review = await finance.GetAsync($"/Reviews/{reviewId}");
        Assert.Equal(HttpStatusCode.OK, review.Status);
        var rows = review.Document.QuerySelector("#order-property-items")!;
        Assert.Contains("Sample S-9", rows.TextContent, StringComparison.Ordinal);
        Assert.Null(rows.QuerySelector("a"));
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync($"/CustomerProperty/Details/{itemId}")).Status);

        // Another salesperson: neither the order nor the item opens, and the receipt form does not reveal the order's customer.
        var (attackerName, _) = await new CustomerOwnershipTests(app).CreateSalespersonAsync();
        using var attacker = app.CreateBrowserClient();
        await attacker.SignInAsync(attackerName);
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync($"/Orders/Details/{orderId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync($"/CustomerProperty/Details/{itemId}")).Status);
        var form = await attacker.GetAsync($"/CustomerProperty/Create?order={orderNumber}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.True(string.IsNullOrEmpty(form.Document.QuerySelector("#CustomerCode")!.GetAttribute("value")));
        Assert.DoesNotContain(customerCode, form.Html, StringComparison.Ordinal);
    }
}
