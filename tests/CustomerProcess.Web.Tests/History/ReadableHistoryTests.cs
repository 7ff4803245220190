using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CustomerProcess.Domain.Auditing;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Infrastructure;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.History;

/// <summary>Issue #18 item 2: the history an auditor reads — labels and values in the reader's language, one group per
/// change with who and when, children on the record's page, filtered by period and person.</summary>
[Collection(AppCollection.Name)]
public sealed partial class ReadableHistoryTests(AppFactory app)
{
    private readonly ReviewDriver _driver = new(app);

    private static KeyValuePair<string, string>[] CustomerForm(string code) =>
    [
        new("Code", code), new("Name", "历史测试 " + code), new("Class", "New"), new("PaymentTermDays", "30"), new("CreditLimit", "0"), new("CreditRating", "NotRated"),
    ];

    /// <summary>Sales creates a new customer; the sales manager and quality approve its upgrade to regular.</summary>
    private async Task<Guid> UpgradedCustomerAsync()
    {
        var sales = await _driver.As("sales");
        var code = "HI-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await sales.SubmitAsync("/Customers/Create", CustomerForm(code), "/Customers/Create");
        Assert.True(created.Status == HttpStatusCode.Redirect, "Customer not created: " + created.ErrorText);
        var id = Guid.Parse(created.Location!.Split('/').Last());
        var asked = await sales.SubmitAsync($"/Customers/ChangeClass/{id}", [new("ToClass", "Regular"), new("Reason", "多年合作伙伴")], $"/Customers/ChangeClass/{id}");
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var request = await app.WithDbAsync(db => db.CustomerClassChangeRequests.AsNoTracking().SingleAsync(r => r.CustomerId == id));
        foreach (var approver in new[] { "salesmanager", "quality" })
        {
            var client = await _driver.As(approver);
            var approved = await client.SubmitAsync("/Customers/ClassChanges", [], $"/Customers/ApproveClassChange/{request.Id}");
            Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        }

        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Field == "Class" && a.OldValue == "New" && a.NewValue == "Regular")));
        return id;
    }

    private static List<(string Record, string Action, string Field, string Old, string New)> Rows(BrowserLikeClient.Page page) =>
        page.Document.QuerySelectorAll(".history-rows tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Select(c => (c[0], c[1], c[2], c[3], c[4]))
            .ToList();

    private static void AssertNoRawKeys(BrowserLikeClient.Page page)
    {
        var text = page.Document.QuerySelector("main")?.TextContent ?? page.Document.Body!.TextContent;
        Assert.DoesNotContain("OwnerUserId", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CustomerId", text, StringComparison.Ordinal);
        Assert.False(GuidPattern().IsMatch(text), "A GUID on the history page: " + GuidPattern().Match(text).Value);
    }

    [Fact]
    public async Task A_customer_class_change_reads_Class_New_customer_to_Regular_customer_in_English_and_never_shows_field_names_or_ids()
    {
        var id = await UpgradedCustomerAsync();
        var sales = await _driver.As("sales");

        var page = await sales.GetAsync($"/Customers/History/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = Rows(page);
        Assert.Contains(("Customer", "Updated", "Class", "New customer", "Regular customer"), rows.Select(r => (r.Record.Split(' ')[0], r.Action, r.Field, r.Old, r.New)));
        Assert.Contains(rows, r => r.Field == "Owner" && r.New == "王销售 Wang (Sales)");
        // The customer's own upgrade (its class change request, a child on the same page, says "Regular customer" too).
        var upgrade = page.Document.QuerySelectorAll(".history-change").Single(g => g.QuerySelectorAll(".history-rows tbody tr")
            .Any(tr => tr.TextContent.Contains("Regular customer", StringComparison.Ordinal) && tr.QuerySelector("td")!.TextContent.Trim().StartsWith("Customer HI-", StringComparison.Ordinal)));
        Assert.Contains("张质量 Zhang (Quality head)", upgrade.QuerySelector(".history-who")!.TextContent, StringComparison.Ordinal);
        AssertNoRawKeys(page);
    }

    [Fact]
    public async Task A_customer_class_change_reads_类别_新客户_to_老客户_in_Chinese()
    {
        var id = await UpgradedCustomerAsync();
        using var sales = app.CreateBrowserClient("zh-CN");
        await sales.SignInAsync("sales");

        var page = await sales.GetAsync($"/Customers/History/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = Rows(page);
        Assert.Contains(rows, r => r.Field == "类别" && r.Old == "新客户" && r.New == "老客户" && r.Action == "修改");
        Assert.Contains(rows, r => r.Field == "负责人" && r.New == "王销售 Wang (Sales)");
        Assert.DoesNotContain(rows, r => r.Field is "Class" or "Owner");
        AssertNoRawKeys(page);
    }

    [Fact]
    public async Task An_orders_history_holds_its_lines_with_the_customer_by_code_and_money_formatted()
    {
        var code = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(code, 12, 1234.5m));
        var orderId = await app.WithDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.SubjectId).SingleAsync());
        var lineId = await app.WithDbAsync(db => db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId).Select(l => l.Id).SingleAsync());
        var sales = await _driver.As("sales");

        var page = await sales.GetAsync($"/Orders/History/{orderId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = Rows(page);
        Assert.Contains(rows, r => r.Record == "Order line 1" && r.Field == "Unit price" && r.New == "1,234.50");
        Assert.Contains(rows, r => r.Record == "Order line 1" && r.Field == "Quantity" && r.New == "12");
        Assert.Contains(rows, r => r.Record.StartsWith("Order DD-", StringComparison.Ordinal) && r.Field == "Customer" && r.New.Contains(code, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Field == "Status" && r.New == "Under review");
        AssertNoRawKeys(page);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == lineId.ToString() && a.Field == "UnitPrice")));
    }

    [Fact]
    public async Task Period_and_person_filters_narrow_the_changes_shown()
    {
        var id = await UpgradedCustomerAsync();
        var quality = await app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.UserName == "quality").Select(u => u.Id).SingleAsync());
        // The customer's page holds its class change request too (a child, #18 item 2).
        var request = (await app.WithDbAsync(db => db.CustomerClassChangeRequests.AsNoTracking().Where(r => r.CustomerId == id).Select(r => r.Id).SingleAsync())).ToString();
        var trail = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString() || a.EntityId == request).ToListAsync());
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(trail.Min(a => a.UtcTime), Formatting.DisplayZone));
        var sales = await _driver.As("sales");
        var url = $"/Customers/History/{id}";
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var all = await sales.GetAsync(url);
        var byQuality = await sales.GetAsync($"{url}?Person={quality}");
        var sameDay = await sales.GetAsync($"{url}?From={Day(day)}&To={Day(day)}");
        var after = await sales.GetAsync($"{url}?From={Day(day.AddDays(1))}");
        var before = await sales.GetAsync($"{url}?To={Day(day.AddDays(-1))}");

        var groups = all.Document.QuerySelectorAll(".history-change").Length;
        Assert.Equal(trail.Select(a => a.ChangeSetId).Distinct().Count(), groups);
        Assert.True(groups >= 2, "Creation and upgrade are two changes.");
        var qualityGroups = byQuality.Document.QuerySelectorAll(".history-change");
        Assert.Equal(trail.Where(a => a.UserId == quality).Select(a => a.ChangeSetId).Distinct().Count(), qualityGroups.Length);
        Assert.InRange(qualityGroups.Length, 1, groups - 1);
        Assert.All(qualityGroups, g => Assert.Contains("张质量", g.QuerySelector(".history-who")!.TextContent, StringComparison.Ordinal));
        Assert.Equal(quality, byQuality.Document.QuerySelector("#history-person option[selected]")?.GetAttribute("value"));
        Assert.Equal(groups, sameDay.Document.QuerySelectorAll(".history-change").Length);
        foreach (var empty in new[] { after, before })
        {
            Assert.Equal(HttpStatusCode.OK, empty.Status);
            Assert.Empty(empty.Document.QuerySelectorAll(".history-change"));
            Assert.Contains("No changes match the filter.", empty.Document.QuerySelector(".empty")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_filter_date_outside_the_window_gets_a_message_and_filters_nothing()
    {
        var id = await UpgradedCustomerAsync();
        var sales = await _driver.As("sales");

        var page = await sales.GetAsync($"/Customers/History/{id}?From=0001-01-01");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The date must lie between", page.Document.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.Document.QuerySelectorAll(".history-change"));
    }

    [Fact]
    public async Task Production_cannot_read_a_customers_history_and_an_unknown_id_is_not_found()
    {
        var id = await UpgradedCustomerAsync();
        var production = await _driver.As("production");

        var refused = await production.GetAsync($"/Customers/History/{id}");
        var unknown = await production.GetAsync($"/Customers/History/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Empty(refused.Document.QuerySelectorAll(".history-change"));
        Assert.DoesNotContain("Regular customer", refused.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task Another_department_cannot_read_an_orders_history()
    {
        var code = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(code, 1, 10m));
        var orderId = await app.WithDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.SubjectId).SingleAsync());
        var safety = await _driver.As("safety");

        var refused = await safety.GetAsync($"/Orders/History/{orderId}");

        Assert.True(refused.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"safety read the order's history: {refused.Status}");
        Assert.Empty(refused.Document.QuerySelectorAll(".history-change"));
    }

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
