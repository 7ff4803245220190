using System.Net;
using CustomerProcess.Domain.Auditing;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Foundation;

[Collection(AppCollection.Name)]
public sealed class CustomerTests(AppFactory app)
{
    private static KeyValuePair<string, string>[] CustomerForm(string code, string name, string creditLimit = "300000", string cls = "New") =>
    [
        new("Code", code), new("Name", name), new("Class", cls), new("Address", "浙江省杭州市西湖区文三路 1 号"),
        new("TaxNumber", "91330100MA2XXXXX1"), new("BankName", "中国银行杭州分行"), new("BankAccount", "3567 0000 1111"),
        new("PaymentTerms", "月结 60 天"), new("PaymentTermDays", "60"), new("CreditLimit", creditLimit), new("CreditRating", "B"),
        new("ContactName", "陈女士"), new("ContactPhone", "+86 571 8888 0000"), new("ContactEmail", "chen@example.cn"),
    ];

    [Fact]
    public async Task Sales_creates_a_customer_with_a_Chinese_name_and_finds_it_in_the_list_the_database_and_the_history()
    {
        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("sales");
        var code = "T-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var created = await client.SubmitAsync("/Customers/Create", CustomerForm(code, "杭州西湖精密仪器有限公司"));

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var details = await client.FollowAsync(created);
        Assert.Contains("杭州西湖精密仪器有限公司", details.Text, StringComparison.Ordinal);
        Assert.Contains("陈女士", details.Text, StringComparison.Ordinal);

        var list = await client.GetAsync("/Customers?q=" + Uri.EscapeDataString("西湖精密"));
        Assert.Contains(code, list.Document.QuerySelector("#customers")!.TextContent, StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Customers.Include(c => c.Contacts).SingleAsync(c => c.Code == code));
        Assert.Equal("杭州西湖精密仪器有限公司", stored.Name);
        Assert.Equal(CustomerClass.New, stored.Class);
        Assert.Equal(0m, stored.CreditLimit); // the entered credit limit waits for finance (ADR 0012)
        var proposals = await app.WithDbAsync(db => db.CustomerFinanceProposals.Where(p => p.CustomerId == stored.Id).ToListAsync());
        Assert.Contains(proposals, p => p.NewCreditLimit == 300000m && p.Status == FinanceProposalStatus.Pending);
        Assert.Equal(60, stored.PaymentTermDays);
        Assert.Single(stored.Contacts);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == stored.Id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditAction.Created && a.Field == "Name" && a.NewValue == "杭州西湖精密仪器有限公司" && a.UserName == "sales");

        var history = await client.GetAsync($"/Customers/History/{stored.Id}");
        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.Contains("杭州西湖精密仪器有限公司", history.Document.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_customer_records_old_and_new_values()
    {
        using var client = app.CreateBrowserClient();
        await client.SignInAsync("salesmanager");
        var code = "E-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await client.SubmitAsync("/Customers/Create", CustomerForm(code, "Old Name Ltd."));
        var id = created.Location!.Split('/').Last();

        var edited = await client.SubmitAsync($"/Customers/Edit/{id}", CustomerForm(code, "New Name Ltd.", creditLimit: "450000.50"));

        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id && a.Action == AuditAction.Updated).ToListAsync());
        Assert.Contains(entries, a => a.Field == "Name" && a.OldValue == "Old Name Ltd." && a.NewValue == "New Name Ltd.");
        Assert.DoesNotContain(entries, a => a.Field == "CreditLimit"); // a proposal for finance (ADR 0012)
        var customerId = Guid.Parse(id);
        var proposals = await app.WithDbAsync(db => db.CustomerFinanceProposals.Where(p => p.CustomerId == customerId).ToListAsync());
        Assert.Contains(proposals, p => p.NewCreditLimit == 450000.50m && p.Status == FinanceProposalStatus.Pending);
        Assert.DoesNotContain(entries, a => a.Field == "Class"); // the class is earned or approved, never typed (#16)
        Assert.All(entries, a => Assert.Equal("salesmanager", a.UserName));
    }

    [Fact]
    public async Task Demoting_a_new_customer_to_prospect_is_refused_with_a_message_and_nothing_changes()
    {
        using var client = app.CreateBrowserClient();
        await client.SignInAsync("sales");
        var code = "R-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await client.SubmitAsync("/Customers/Create", CustomerForm(code, "Regular Co."));
        var id = created.Location!.Split('/').Last();
        var token = (await client.GetAsync($"/Customers/Edit/{id}")).FormFor($"/Customers/Edit/{id}")
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");

        var refused = await client.PostAsync($"/Customers/Edit/{id}", CustomerForm(code, "Renamed Co.", cls: "Prospect"), token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("The customer class cannot change from New customer to Prospect.", refused.ErrorText, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Code == code));
        Assert.Equal(CustomerClass.New, stored.Class);
        Assert.Equal("Regular Co.", stored.Name);
    }

    [Theory]
    [InlineData("en", "Enter the customer name.", "The credit limit cannot be negative.")]
    [InlineData("zh-CN", "请输入客户名称。", "信用额度不能为负数。")]
    public async Task Validation_errors_are_shown_in_the_selected_language_and_nothing_is_saved(string language, string nameMessage, string creditMessage)
    {
        using var client = app.CreateBrowserClient(language);
        await client.SignInAsync("sales");
        var code = "V-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var result = await client.SubmitAsync("/Customers/Create", CustomerForm(code, "", creditLimit: "-5"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(nameMessage, result.ErrorText, StringComparison.Ordinal);
        Assert.Contains(creditMessage, result.ErrorText, StringComparison.Ordinal);
        Assert.Equal(code, result.Document.QuerySelector("#Code")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Customers.AnyAsync(c => c.Code == code)));
    }

    [Fact]
    public async Task A_non_numeric_credit_limit_gets_a_message_not_an_error_page()
    {
        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("sales");

        var result = await client.SubmitAsync("/Customers/Create", CustomerForm("X-ABC", "某公司", creditLimit: "很多"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("输入的值无效。", result.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_code_is_refused_with_a_message()
    {
        using var client = app.CreateBrowserClient();
        await client.SignInAsync("sales");
        var code = "D-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await client.SubmitAsync("/Customers/Create", CustomerForm(code, "First Ltd."));

        var second = await client.SubmitAsync("/Customers/Create", CustomerForm(code.ToLowerInvariant(), "Second Ltd."));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.Status);
        Assert.Contains($"The customer code {code} is already used.", second.ErrorText, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.Code == code)));
    }

    [Fact]
    public async Task Deactivating_is_asked_with_a_reason_and_once_the_sales_manager_approves_keeps_the_customer_with_the_reason()
    {
        using var client = app.CreateBrowserClient();
        await client.SignInAsync("sales");
        var code = "I-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await client.SubmitAsync("/Customers/Create", CustomerForm(code, "Closing Ltd."));
        var id = created.Location!.Split('/').Last();

        var empty = await client.SubmitAsync($"/Customers/Deactivate/{id}", [new("Reason", "")]);
        Assert.Contains("Give the reason", empty.ErrorText, StringComparison.Ordinal);

        var done = await client.SubmitAsync($"/Customers/Deactivate/{id}", [new("Reason", "Bankrupt 2026-11")]);
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(CustomerStatus.Active, (await app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Code == code))).Status);

        // Issue #16: marking inactive is a request the sales manager approves.
        var requestId = await app.WithDbAsync(db => db.CustomerClassChangeRequests.Where(r => r.CustomerId == Guid.Parse(id) && r.MarksInactive).Select(r => r.Id).SingleAsync());
        using var manager = app.CreateBrowserClient();
        await manager.SignInAsync("salesmanager");
        var approved = await manager.PostAsync($"/Customers/ApproveClassChange/{requestId}", [], await manager.TokenFromAsync("/Customers/ClassChanges"));
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);

        var stored = await app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Code == code));
        Assert.Equal(CustomerStatus.Inactive, stored.Status);
        Assert.Equal("Bankrupt 2026-11", stored.InactiveReason);
        var inactiveList = await client.GetAsync("/Customers?status=Inactive&q=" + code);
        Assert.Contains(code, inactiveList.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quality_staff_can_read_customers_but_not_create_them()
    {
        using var client = app.CreateBrowserClient();
        await client.SignInAsync("qstaff");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Customers")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Customers/Create")).Status);
        var token = await client.TokenFromAsync("/Customers");
        var post = await client.PostAsync("/Customers/Create", CustomerForm("Q-1", "Sneaky Ltd."), token);
        Assert.True(post.Status == HttpStatusCode.Forbidden, post.Html);
        Assert.False(await app.WithDbAsync(db => db.Customers.AnyAsync(c => c.Code == "Q-1")));
    }

    [Fact]
    public async Task The_list_pages_through_customers()
    {
        using var client = app.CreateBrowserClient();
        await client.SignInAsync("sales");
        var prefix = "PG" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        for (var i = 0; i < 23; i++)
        {
            await client.SubmitAsync("/Customers/Create", CustomerForm($"{prefix}-{i:D2}", $"Paged {i:D2}"));
        }

        var first = await client.GetAsync($"/Customers?q={prefix}");
        var second = await client.GetAsync($"/Customers?q={prefix}&page=2");

        Assert.Equal(20, first.Document.QuerySelectorAll("#customers tbody tr").Length);
        Assert.Equal(3, second.Document.QuerySelectorAll("#customers tbody tr").Length);
        Assert.Contains("Page 2 of 2", second.Text, StringComparison.Ordinal);
    }
}
