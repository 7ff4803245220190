using System.Net;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.History;

/// <summary>Issue #18 item 2: a record's whole history on one page — every child it owns, each change headed by which
/// child it is ("Delivery 1", "通知单 RW-…"), and ids named once ("Customer: RS-…").</summary>
[Collection(AppCollection.Name)]
public sealed class FamilyHistoryTests(AppFactory app)
{
    private readonly TrackingDriver _driver = new(app);

    private static Guid IdFrom(BrowserLikeClient.Page redirect) => Guid.Parse(redirect.Location!.Split('/', '?', '#')[2]);

    private static List<(string Record, string Action, string Field, string Old, string New)> Rows(BrowserLikeClient.Page page) =>
        page.Document.QuerySelectorAll(".history-rows tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Select(c => (c[0], c[1], c[2], c[3], c[4]))
            .ToList();

    /// <summary>Every row of every page of a history.</summary>
    private static async Task<List<(string Record, string Action, string Field, string Old, string New)>> AllRowsAsync(BrowserLikeClient client, string url)
    {
        var rows = new List<(string, string, string, string, string)>();
        for (var page = 1; page <= 10; page++)
        {
            var view = await client.GetAsync($"{url}?page={page}");
            Assert.Equal(HttpStatusCode.OK, view.Status);
            var found = Rows(view);
            if (found.Count == 0)
            {
                break;
            }

            rows.AddRange(found);
        }

        return rows;
    }

    /// <summary>A signed contract with one of each child: a change request, a task notice acknowledged by production, a
    /// technical service notice with a site record, a delivery and a payment.</summary>
    private async Task<(Contract Contract, Guid ChangeId, Guid NoticeId, Guid ServiceId)> BusyContractAsync()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var issued = await _driver.IssueNoticeAsync(contract, "Production", "Quality");
        Assert.Equal(HttpStatusCode.Redirect, issued.Status);
        var noticeId = IdFrom(issued);
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.AcknowledgeAsync(noticeId, "Production", "production")).Status);
        var changeId = await _driver.RequestChangeAsync(contract, ChangeKind.DeliveryDate, deliveryDate: "2027-04-30");

        var contracts = await _driver.As("contracts");
        var service = await contracts.SubmitAsync(TrackingDriver.Details(contract),
            [new("ContractId", contract.Id.ToString()), new("Site", "上海浦东工地"), new("Request", "安装调试 / installation")], "/ServiceNotices/New");
        Assert.Equal(HttpStatusCode.Redirect, service.Status);
        var serviceId = IdFrom(service);
        var technical = await _driver.As("technical");
        var token = await technical.TokenFromAsync($"/ServiceNotices/{serviceId}");
        var recorded = await technical.PostAsync($"/ServiceNotices/{serviceId}/SiteRecords",
            [new("VisitedOn", "2026-11-25"), new("Problem", "法兰渗漏"), new("Treatment", "更换垫片"), new("Result", "试压合格")], token);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);

        Assert.Equal(HttpStatusCode.Redirect, (await _driver.DeliverAsync(contract, 4, "TD-H-" + contract.Number)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.PayAsync(contract, 12_345.67m)).Status);
        return (contract, changeId, noticeId, serviceId);
    }

    [Fact]
    public async Task A_contracts_history_in_Chinese_holds_a_change_to_each_child_it_owns_named_by_its_kind_and_number()
    {
        var (contract, changeId, noticeId, serviceId) = await BusyContractAsync();
        var other = await BusyContractAsync();
        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("contracts");

        var rows = await AllRowsAsync(client, $"/Ledger/History/{contract.Id}");

        var notice = await app.WithDbAsync(db => db.TaskNotices.AsNoTracking().SingleAsync(n => n.Id == noticeId));
        var service = await app.WithDbAsync(db => db.ServiceNotices.AsNoTracking().SingleAsync(n => n.Id == serviceId));
        var change = await app.WithDbAsync(db => db.ContractChanges.AsNoTracking().SingleAsync(c => c.Id == changeId));
        var records = rows.Select(r => r.Record).ToHashSet();
        Assert.Contains("合同 " + contract.Number, records);
        Assert.Contains("合同变更 " + change.Number, records);
        Assert.Contains("变更后的合同行 1", records);
        Assert.Contains("通知单 " + notice.Number, records);
        Assert.Contains("通知单明细 1", records);
        Assert.Contains(rows, r => r.Record.StartsWith("通知单签收 ", StringComparison.Ordinal) && r.Action == "修改" && r.Field == "意见" && r.New == "已签收");
        Assert.Contains("技术服务通知单 " + service.Number, records);
        Assert.Contains(rows, r => r.Record == "施工现场记录 2026-11-25" && r.New == "法兰渗漏");
        Assert.Contains("发货记录 1", records);
        Assert.Contains(rows, r => r.Record.StartsWith("收款 ", StringComparison.Ordinal) && r.New == "12,345.67");
        Assert.DoesNotContain(rows, r => r.Record.Contains(other.Contract.Number, StringComparison.Ordinal));
        var otherNotice = await app.WithDbAsync(db => db.TaskNotices.AsNoTracking().Where(n => n.Id == other.NoticeId).Select(n => n.Number).SingleAsync());
        Assert.DoesNotContain(rows, r => r.Record.Contains(otherNotice, StringComparison.Ordinal));

        // What the page shows is what the audit trail holds for the children.
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "SiteRecord" && a.Field == "Problem" && a.NewValue == "法兰渗漏")));
    }

    [Fact]
    public async Task A_contracts_children_stay_behind_the_contracts_own_access_check()
    {
        var (contract, _, _, _) = await BusyContractAsync();
        var safety = await _driver.As("safety");

        var refused = await safety.GetAsync($"/Ledger/History/{contract.Id}");

        Assert.True(refused.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"safety read the contract's history: {refused.Status}");
        Assert.Empty(refused.Document.QuerySelectorAll(".history-change"));
    }

    [Fact]
    public async Task An_orders_history_holds_its_review_with_each_departments_section_and_signature()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var sales = await _driver.As("salesmanager");

        var rows = await AllRowsAsync(sales, $"/Orders/History/{contract.OrderId}");

        Assert.Contains(rows, r => r.Record.StartsWith("Review ", StringComparison.Ordinal) && r.Field == "Status");
        Assert.Contains(rows, r => r.Record.StartsWith("Review section ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Record.StartsWith("Signature ", StringComparison.Ordinal) && r.Action == "Created");
    }

    [Fact]
    public async Task A_customers_history_holds_its_class_change_request_and_names_the_customer_once()
    {
        var sales = await _driver.As("sales");
        var code = "HF-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await sales.SubmitAsync("/Customers/Create",
            [new("Code", code), new("Name", "家族历史 " + code), new("Class", "New"), new("PaymentTermDays", "30"), new("CreditLimit", "0"), new("CreditRating", "NotRated")],
            "/Customers/Create");
        Assert.True(created.Status == HttpStatusCode.Redirect, "Customer not created: " + created.ErrorText);
        var id = Guid.Parse(created.Location!.Split('/').Last());
        var asked = await sales.SubmitAsync($"/Customers/ChangeClass/{id}", [new("ToClass", "Regular"), new("Reason", "多年合作伙伴")], $"/Customers/ChangeClass/{id}");
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        using var chinese = app.CreateBrowserClient("zh-CN");
        await chinese.SignInAsync("sales");

        var english = await AllRowsAsync(sales, $"/Customers/History/{id}");
        var zh = await AllRowsAsync(chinese, $"/Customers/History/{id}");

        var request = english.Where(r => r.Record == "Customer class change request").ToList();
        Assert.Contains(request, r => r.Field == "Reason" && r.New == "多年合作伙伴");
        var customerField = Assert.Single(request, r => r.Field == "Customer");
        Assert.StartsWith(code + " ", customerField.New, StringComparison.Ordinal); // "Customer: RS-…", not "Customer: Customer RS-…"
        Assert.Contains(zh, r => r.Record == "顾客类别变更申请" && r.New == "多年合作伙伴");
        var zhCustomer = Assert.Single(zh, r => r.Record == "顾客类别变更申请" && r.New.StartsWith(code + " ", StringComparison.Ordinal));
        Assert.DoesNotContain("顾客", zhCustomer.New, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_to_a_record_names_its_kind_once()
    {
        var code = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.Reviews.SubmitOrderAsync(ReviewDriver.OrderForm(code, 2, 10m));
        var orderId = await app.WithDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.SubjectId).SingleAsync());
        var sales = await _driver.As("sales");

        var rows = await AllRowsAsync(sales, $"/Orders/History/{orderId}");

        var customer = Assert.Single(rows, r => r.Record.StartsWith("Order ", StringComparison.Ordinal) && r.Field == "Customer");
        Assert.StartsWith(code + " ", customer.New, StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.Field == "Customer" && r.New.StartsWith("Customer ", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Field == "Order" && r.New.StartsWith("Order ", StringComparison.Ordinal));
        // A field that may point to several kinds still says which: "Subject: Order DD-…".
        Assert.Contains(rows, r => r.Field == "Subject" && r.New.StartsWith("Order DD-", StringComparison.Ordinal));
    }
}
