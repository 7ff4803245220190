using System.Net;
using CustomerProcess.Domain.Auditing;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Archive;

/// <summary>Issue #16 part 1: a customer's class is earned by contracts or approved, never typed.</summary>
[Collection(AppCollection.Name)]
public sealed class ClassChangeTests(AppFactory app)
{
    private readonly ReviewDriver _driver = new(app);

    private static KeyValuePair<string, string>[] CustomerForm(string code, string name, string cls = "New") =>
    [
        new("Code", code), new("Name", name), new("Class", cls), new("PaymentTermDays", "30"), new("CreditLimit", "0"), new("CreditRating", "NotRated"),
    ];

    private static async Task<(Guid Id, string Code)> CreateAsync(BrowserLikeClient sales, string cls = "New")
    {
        var code = "CC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await sales.SubmitAsync("/Customers/Create", CustomerForm(code, "类别测试 " + code, cls), "/Customers/Create");
        Assert.True(created.Status == HttpStatusCode.Redirect, "Customer not created: " + created.ErrorText);
        return (Guid.Parse(created.Location!.Split('/').Last()), code);
    }

    private Task<CustomerClass> ClassOfAsync(Guid id) => app.WithDbAsync(db => db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.Class).SingleAsync());

    [Fact]
    public async Task A_salespersons_class_edit_is_refused_and_a_150000_order_for_the_customer_with_no_contracts_stays_full_countersign()
    {
        var sales = await _driver.As("sales");
        var (id, code) = await CreateAsync(sales);

        var edit = await sales.SubmitAsync($"/Customers/Edit/{id}", CustomerForm(code, "类别测试 " + code, "Regular"), $"/Customers/Edit/{id}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, edit.Status);
        Assert.Contains("The class Regular customer is not earned from New customer; ask the sales manager with a reason.", edit.ErrorText, StringComparison.Ordinal);
        Assert.Equal(CustomerClass.New, await ClassOfAsync(id));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Field == "Class" && a.Action == AuditAction.Updated)));

        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(code, 1, 150_000m));

        var review = await app.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId));
        Assert.Equal(ReviewLevel.FullCountersign, review.Level);
        Assert.True(review.RequiresGeneralManager);
    }

    [Fact]
    public async Task A_customer_cannot_be_created_as_a_regular_customer()
    {
        var sales = await _driver.As("sales");
        var code = "CR-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var created = await sales.SubmitAsync("/Customers/Create", CustomerForm(code, "直接老客户 " + code, "Regular"), "/Customers/Create");

        Assert.NotEqual(HttpStatusCode.Redirect, created.Status);
        Assert.Contains("A customer starts as a prospect or a new customer", created.ErrorText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Customers.AnyAsync(c => c.Code == code)));
    }

    [Fact]
    public async Task A_requested_upgrade_waits_for_the_sales_manager_and_quality_and_changes_the_class_with_the_last_approval()
    {
        var sales = await _driver.As("sales");
        var (id, _) = await CreateAsync(sales);

        var asked = await sales.SubmitAsync($"/Customers/ChangeClass/{id}", [new("ToClass", "Regular"), new("Reason", "多年合作伙伴，已签框架协议")], $"/Customers/ChangeClass/{id}");

        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.Equal(CustomerClass.New, await ClassOfAsync(id));
        var request = await app.WithDbAsync(db => db.CustomerClassChangeRequests.AsNoTracking().SingleAsync(r => r.CustomerId == id));
        Assert.Equal(ClassChangeStatus.Pending, request.Status);
        Assert.True(request.NeedsQuality);
        Assert.Contains("waiting for approval", (await sales.FollowAsync(asked)).Document.QuerySelector("#pending-class-change")!.TextContent, StringComparison.Ordinal);

        // The requester cannot approve; a salesperson is not even let in.
        var refused = await sales.PostAsync($"/Customers/ApproveClassChange/{request.Id}", [], await sales.TokenFromAsync("/Customers"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);

        var manager = await _driver.As("salesmanager");
        var byManager = await manager.SubmitAsync("/Customers/ClassChanges", [], $"/Customers/ApproveClassChange/{request.Id}");
        Assert.Equal(HttpStatusCode.Redirect, byManager.Status);
        Assert.Equal(CustomerClass.New, await ClassOfAsync(id)); // quality has not approved yet

        var quality = await _driver.As("quality");
        var byQuality = await quality.SubmitAsync("/Customers/ClassChanges", [], $"/Customers/ApproveClassChange/{request.Id}");
        Assert.Equal(HttpStatusCode.Redirect, byQuality.Status);

        Assert.Equal(CustomerClass.Regular, await ClassOfAsync(id));
        var decided = await app.WithDbAsync(db => db.CustomerClassChangeRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id));
        Assert.Equal(ClassChangeStatus.Approved, decided.Status);
        Assert.NotNull(decided.SalesApprovedByName);
        Assert.NotNull(decided.QualityApprovedByName);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Field == "Class" && a.NewValue == "Regular" && a.UserName == "quality")));
    }

    [Fact]
    public async Task Another_salesperson_cannot_ask_for_a_change_of_class_of_a_customer_they_do_not_own()
    {
        var sales = await _driver.As("sales");
        var (id, _) = await CreateAsync(sales);
        var admin = await _driver.As("admin");

        var refused = await admin.PostAsync($"/Customers/ChangeClass/{id}", [new("ToClass", "Partner"), new("Reason", "x")], await admin.TokenFromAsync("/Customers"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.False(await app.WithDbAsync(db => db.CustomerClassChangeRequests.AnyAsync(r => r.CustomerId == id)));
    }
}
