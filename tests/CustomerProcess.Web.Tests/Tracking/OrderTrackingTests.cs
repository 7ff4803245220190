using System.Net;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Tracking;

[Collection(AppCollection.Name)]
public sealed class OrderTrackingTests(AppFactory app)
{
    private readonly TrackingDriver _driver = new(app);

    private static Guid IdFrom(BrowserLikeClient.Page redirect) => Guid.Parse(redirect.Location!.Split('/', '?', '#')[2]);

    [Fact]
    public async Task A_task_notice_issued_on_signing_shows_unacknowledged_departments_until_each_acknowledges()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var contracts = await _driver.As("contracts");

        var before = await contracts.GetAsync(TrackingDriver.Details(contract));
        Assert.NotNull(before.Document.QuerySelector("#no-notice"));
        var adminQueue = await contracts.GetAsync("/Queue");
        Assert.Contains(contract.Number, adminQueue.Document.QuerySelector("#queue-notice")!.TextContent, StringComparison.Ordinal);

        var issued = await _driver.IssueNoticeAsync(contract, "Production", "Quality");
        Assert.Equal(HttpStatusCode.Redirect, issued.Status);
        var noticeId = IdFrom(issued);
        var notice = await _driver.NoticeAsync(noticeId);
        Assert.Matches(@"^RW-2026-\d{4}$", notice.Number);
        Assert.Equal(["Production", "Quality"], notice.PendingDepartments);
        Assert.Equal(10m, notice.Lines.Single().Quantity);
        Assert.Contains("木箱包装", notice.SpecialRequirements, StringComparison.Ordinal);

        var page = await contracts.FollowAsync(issued);
        Assert.Equal("pending", page.Document.QuerySelector("#ack-Production")!.ClassName);
        Assert.Equal("pending", page.Document.QuerySelector("#ack-Quality")!.ClassName);
        var ledger = await contracts.GetAsync(TrackingDriver.Details(contract));
        Assert.Contains("Production, Quality", ledger.Document.QuerySelector("#notice-list tbody tr")!.TextContent, StringComparison.Ordinal);

        var productionQueue = await (await _driver.As("production")).GetAsync("/Queue");
        Assert.Contains(notice.Number, productionQueue.Document.QuerySelector("#queue-acknowledge")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await _driver.AcknowledgeAsync(noticeId, "Production", "production")).Status);
        notice = await _driver.NoticeAsync(noticeId);
        Assert.Equal(["Quality"], notice.PendingDepartments);
        Assert.Equal(NoticeStatus.Issued, notice.Status);
        var afterOne = await (await _driver.As("quality")).GetAsync($"/Notices/{noticeId}");
        Assert.Equal("acknowledged", afterOne.Document.QuerySelector("#ack-Production")!.ClassName);
        Assert.Contains("Zhao", afterOne.Document.QuerySelector("#ack-Production")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("pending", afterOne.Document.QuerySelector("#ack-Quality")!.ClassName);
        productionQueue = await (await _driver.As("production")).GetAsync("/Queue");
        Assert.DoesNotContain(notice.Number, productionQueue.Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await _driver.AcknowledgeAsync(noticeId, "Quality", "quality")).Status);
        notice = await _driver.NoticeAsync(noticeId);
        Assert.Empty(notice.PendingDepartments);
        Assert.Equal(NoticeStatus.Acknowledged, notice.Status);
        Assert.All(notice.Acknowledgements, a => Assert.Equal("已签收", a.Comment));
        adminQueue = await contracts.GetAsync("/Queue");
        Assert.DoesNotContain(contract.Number, adminQueue.Document.QuerySelector("#queue-notice")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_user_cannot_acknowledge_another_departments_notice()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var noticeId = IdFrom(await _driver.IssueNoticeAsync(contract, "Production", "Quality"));

        var forged = await _driver.AcknowledgeAsync(noticeId, "Production", "quality");
        var notAddressed = await _driver.AcknowledgeAsync(noticeId, "Production", "sales");

        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Equal(HttpStatusCode.Forbidden, notAddressed.Status);
        var notice = await _driver.NoticeAsync(noticeId);
        Assert.Equal(["Production", "Quality"], notice.PendingDepartments);
        var ackIds = notice.Acknowledgements.Select(a => a.Id.ToString()).ToList();
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => ackIds.Contains(e.EntityId) && e.Action == CustomerProcess.Domain.Auditing.AuditAction.Updated)));
    }

    [Fact]
    public async Task A_member_of_a_department_who_is_not_its_head_acknowledges_for_it()
    {
        // qstaff belongs to Quality but neither heads it nor holds a delegation.
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var noticeId = IdFrom(await _driver.IssueNoticeAsync(contract, "Production", "Quality"));

        Assert.Equal(HttpStatusCode.Forbidden, (await _driver.AcknowledgeAsync(noticeId, "Production", "qstaff")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.AcknowledgeAsync(noticeId, "Quality", "qstaff")).Status);
        var notice = await _driver.NoticeAsync(noticeId);
        Assert.Equal(["Production"], notice.PendingDepartments);
    }

    [Fact]
    public async Task A_notice_prints_in_both_languages_and_its_PDF_carries_the_lines_and_acknowledgements()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var noticeId = IdFrom(await _driver.IssueNoticeAsync(contract, "Production"));
        await _driver.AcknowledgeAsync(noticeId, "Production", "production");

        var english = await (await _driver.As("contracts")).GetAsync($"/Notices/{noticeId}/Print");
        var chineseClient = app.CreateBrowserClient("zh-CN");
        await chineseClient.SignInAsync("contracts");
        var chinese = await chineseClient.GetAsync($"/Notices/{noticeId}/Print");

        Assert.Equal(HttpStatusCode.OK, english.Status);
        Assert.Contains("销售生产任务通知单 / Production Task Notice", english.Text, StringComparison.Ordinal);
        Assert.Contains("Acknowledgement of receipt", english.Text, StringComparison.Ordinal);
        Assert.Contains("Special requirements", english.Text, StringComparison.Ordinal);
        Assert.Contains("签收情况", chinese.Text, StringComparison.Ordinal);
        Assert.Contains("特殊要求", chinese.Text, StringComparison.Ordinal);
        Assert.Contains("不锈钢法兰", chinese.Document.QuerySelector("#notice-lines")!.TextContent, StringComparison.Ordinal);

        var pdf = await (await _driver.As("contracts")).Http.GetAsync($"/Notices/{noticeId}/Pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            Assert.Contains("销售生产任务通知单", text, StringComparison.Ordinal);
            Assert.Contains("RW-2026-", text, StringComparison.Ordinal);
            Assert.Contains("DN100 PN16", text, StringComparison.Ordinal);
            Assert.Contains("Zhao", text, StringComparison.Ordinal); // Production's acknowledgement
        }

        var model = await NoticePdfModelAsync(noticeId, "zh-CN");
        Assert.Equal("销售生产任务通知单 / Production Task Notice", model.Title);
        var table = Assert.Single(model.Blocks.OfType<CustomerProcess.Infrastructure.Pdf.PdfTable>());
        Assert.Contains("不锈钢法兰 Stainless flange", table.Rows.Single());
        var signature = Assert.Single(model.Blocks.OfType<CustomerProcess.Infrastructure.Pdf.PdfSignature>());
        Assert.Equal("生产部", signature.Capacity);
        Assert.Contains("Zhao", signature.Signer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partial_delivery_leaves_the_contract_executing_and_a_full_delivery_plus_payment_completes_it()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var contracts = await _driver.As("contracts");

        var tooMuch = await _driver.DeliverAsync(contract, 10.5m, "TD-0");
        Assert.Contains("only 10 remain", (await contracts.FollowAsync(tooMuch)).Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await _driver.DeliverAsync(contract, 4, "TD-1")).Status);
        var after = await _driver.ReloadAsync(contract);
        Assert.Equal(ContractStatus.Executing, after.Status);
        Assert.Equal(40_000_00, after.DeliveredMinor);
        var page = await contracts.GetAsync(TrackingDriver.Details(contract));
        Assert.Equal("40.0 %", page.Document.QuerySelector("#delivered-percent")!.TextContent.Trim());
        Assert.Contains("Partial delivery", page.Document.QuerySelector("#delivery-list")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await _driver.DeliverAsync(contract, 6, "TD-2")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.InvoiceAsync(contract, "FP-9001", 100_000m)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.PayAsync(contract, 60_000m)).Status);
        after = await _driver.ReloadAsync(contract);
        Assert.True(after.IsFullyDelivered);
        Assert.Equal(ContractStatus.Executing, after.Status); // delivered but 40,000 still to be paid
        Assert.Equal(60m, after.PaidPercent);

        Assert.Equal(HttpStatusCode.Redirect, (await _driver.PayAsync(contract, 40_000m)).Status);
        after = await _driver.ReloadAsync(contract);
        Assert.Equal(ContractStatus.Completed, after.Status);
        Assert.Null(after.ClosingReason);
        page = await contracts.GetAsync(TrackingDriver.Details(contract));
        Assert.Equal("Completed", page.Document.QuerySelector("#contract-status")!.TextContent.Trim());
        Assert.Equal("100.0 %", page.Document.QuerySelector("#paid-percent")!.TextContent.Trim());
        Assert.Contains("Complete delivery", page.Document.QuerySelectorAll("#delivery-list tbody tr")[1].TextContent, StringComparison.Ordinal);
        var ledger = await contracts.GetAsync("/Ledger?q=" + customer);
        Assert.Contains("Completed", ledger.Document.QuerySelector($"#ledger tr[data-contract='{contract.Number}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_finance_and_the_contract_administrator_record_money_and_nothing_is_written_otherwise()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);

        var bySales = await _driver.PayAsync(contract, 1_000m, "sales");
        var byProduction = await _driver.DeliverAsync(contract, 1, "TD-X", "production");

        Assert.Equal(HttpStatusCode.Forbidden, bySales.Status);
        Assert.Equal(HttpStatusCode.Forbidden, byProduction.Status);
        var after = await _driver.ReloadAsync(contract);
        Assert.Empty(after.Payments);
        Assert.Empty(after.Deliveries);
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.PayAsync(contract, 1_000m, "finance")).Status);
        Assert.Equal(1_000_00, (await _driver.ReloadAsync(contract)).PaidMinor);
    }

    [Fact]
    public async Task A_second_completed_contract_promotes_a_new_customer_and_the_change_is_in_its_history()
    {
        var code = await _driver.Reviews.CustomerAsync(CustomerClass.New);
        var first = await _driver.SignedContractAsync(code, CustomerClass.New, quantity: 2, unitPrice: 5_000m);
        var second = await _driver.SignedContractAsync(code, CustomerClass.New, quantity: 3, unitPrice: 5_000m);
        Task<Customer> CustomerAsync() => app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Code == code));

        await _driver.CompleteAsync(first);
        Assert.Equal(ContractStatus.Completed, (await _driver.ReloadAsync(first)).Status);
        Assert.Equal(CustomerClass.New, (await CustomerAsync()).Class);

        await _driver.CompleteAsync(second);
        Assert.Equal(ContractStatus.Completed, (await _driver.ReloadAsync(second)).Status);
        var customer = await CustomerAsync();
        Assert.Equal(CustomerClass.Regular, customer.Class);

        var history = await (await _driver.As("salesmanager")).GetAsync($"/Customers/History/{customer.Id}");
        var change = history.Document.QuerySelectorAll("#history .history-change")
            .First(g => g.QuerySelectorAll("tbody tr").Any(r => r.TextContent.Contains("Class", StringComparison.Ordinal) && r.TextContent.Contains("Regular", StringComparison.Ordinal)));
        var row = change.QuerySelectorAll("tbody tr").Select(r => r.TextContent).First(t => t.Contains("Class", StringComparison.Ordinal));
        Assert.Contains("New", row, StringComparison.Ordinal);
        Assert.Contains("Regular", row, StringComparison.Ordinal);
        Assert.Contains("Zhou (Finance head)", change.QuerySelector(".history-who")!.TextContent, StringComparison.Ordinal); // the payment that completed the second contract
    }

    [Fact]
    public async Task A_specification_change_requires_a_new_review_before_the_contract_moves_on()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var contracts = await _driver.As("contracts");
        var changeId = await _driver.RequestChangeAsync(contract, ChangeKind.Specification, specification: "DN100 PN25 316L");

        var accepted = await _driver.DecideChangeAsync(changeId, "Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        var change = await _driver.ChangeAsync(changeId);
        Assert.Equal(ChangeStatus.UnderReview, change.Status);
        var review = await app.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Sections).SingleAsync(r => r.Id == change.ReviewId));
        Assert.Equal(CustomerProcess.Domain.Reviews.ReviewLevel.FullCountersign, review.Level);
        Assert.Equal(TrackingDriver.FullReviewDepartments.Order(), review.Sections.Select(s => s.DepartmentCode).Order());
        var reviewPage = await _driver.Reviews.ReviewPageAsync(review.Id);
        Assert.Contains(change.Number, reviewPage.Document.QuerySelector("#review-reasons")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("DN100 PN25 316L", reviewPage.Document.QuerySelector("#review-lines")!.TextContent, StringComparison.Ordinal);

        // Held: no delivery, no notice, no closing while the review runs.
        var delivery = await _driver.DeliverAsync(contract, 1, "TD-H");
        Assert.Contains("under review", (await contracts.FollowAsync(delivery)).Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);
        var notice = await _driver.IssueNoticeAsync(contract, "Production");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notice.Status);
        Assert.Contains("under review", notice.ErrorText, StringComparison.Ordinal);
        var held = await _driver.ReloadAsync(contract);
        Assert.Equal(1, held.CurrentVersion);
        Assert.Empty(held.Deliveries);
        Assert.NotNull((await contracts.GetAsync(TrackingDriver.Details(contract))).Document.QuerySelector("#held"));

        await _driver.Reviews.SignAllAsync(review.Id, TrackingDriver.FullReviewDepartments);
        var approved = await _driver.Reviews.PostOnReviewAsync(review.Id, "gm", "Approve", [new("Password", CustomerProcess.Infrastructure.Seeding.DemoData.Password), new("Comment", "同意变更")]);
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);

        change = await _driver.ChangeAsync(changeId);
        Assert.Equal(ChangeStatus.Implemented, change.Status);
        var moved = await _driver.ReloadAsync(contract);
        Assert.False(moved.IsHeld);
        Assert.Equal(2, moved.CurrentVersion);
        Assert.Equal("DN100 PN25 316L", moved.Lines.Single().Specification);
        Assert.Equal("DN100 PN16", moved.LinesOfVersion(1).Single().Specification);
        var v1 = await contracts.GetAsync($"/Ledger/Details/{contract.Id}/Versions/1");
        Assert.Contains("DN100 PN16", v1.Document.QuerySelector("#version-lines")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.DeliverAsync(contract, 1, "TD-OK")).Status);
        Assert.Single((await _driver.ReloadAsync(contract)).Deliveries);
    }

    [Fact]
    public async Task A_rejected_change_review_puts_the_contract_back_on_its_version()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var changeId = await _driver.RequestChangeAsync(contract, ChangeKind.Specification, specification: "DN100 PN40");
        await _driver.DecideChangeAsync(changeId, "Accept");
        var change = await _driver.ChangeAsync(changeId);

        await _driver.Reviews.SignAllAsync(change.ReviewId!.Value, TrackingDriver.FullReviewDepartments);
        var rejected = await _driver.Reviews.PostOnReviewAsync(change.ReviewId.Value, "gm", "Reject", [new("Password", CustomerProcess.Infrastructure.Seeding.DemoData.Password), new("Comment", "PN40 超出能力")]);
        Assert.Equal(HttpStatusCode.Redirect, rejected.Status);

        Assert.Equal(ChangeStatus.Rejected, (await _driver.ChangeAsync(changeId)).Status);
        var after = await _driver.ReloadAsync(contract);
        Assert.False(after.IsHeld);
        Assert.Equal(1, after.CurrentVersion);
        var order = await app.WithDbAsync(db => db.SalesOrders.AsNoTracking().Include("_lines").SingleAsync(o => o.Id == contract.OrderId));
        Assert.Equal("DN100 PN16", order.Lines.Single().Specification);
    }

    [Fact]
    public async Task A_quantity_change_issues_a_revised_notice_that_the_departments_acknowledge_again()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var firstId = IdFrom(await _driver.IssueNoticeAsync(contract, "Production", "Purchasing"));
        await _driver.AcknowledgeAsync(firstId, "Production", "production");
        await _driver.AcknowledgeAsync(firstId, "Purchasing", "purchasing");
        Assert.Equal(NoticeStatus.Acknowledged, (await _driver.NoticeAsync(firstId)).Status);

        var mixed = await (await _driver.As("sales")).SubmitAsync($"/Changes/New?contractId={contract.Id}",
        [
            new("ContractId", contract.Id.ToString()), new("Kind", "Quantity"), new("RequestedBy", "Customer"), new("RequesterName", "刘先生"),
            new("What", "12 instead of 10"), new("Why", "more demand"), new("CustomerConfirmation", "fax 2026-11-21"),
            new("Lines[0].LineNo", "1"), new("Lines[0].Description", "不锈钢法兰 Stainless flange"), new("Lines[0].Specification", "DN100 PN25"),
            new("Lines[0].Quantity", "12"), new("Lines[0].UnitPrice", "10000"), new("Lines[0].DeliveryDate", "2027-03-31"),
        ], "/Changes/New");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mixed.Status);
        Assert.Contains("classify the change as what it is", mixed.ErrorText, StringComparison.Ordinal);

        var noDate = await (await _driver.As("sales")).SubmitAsync($"/Changes/New?contractId={contract.Id}",
        [
            new("ContractId", contract.Id.ToString()), new("Kind", "DeliveryDate"), new("RequestedBy", "Customer"), new("RequesterName", "刘先生"),
            new("What", "no date"), new("Why", "unknown"), new("CustomerConfirmation", "fax 2026-11-21"),
            new("Lines[0].LineNo", "1"), new("Lines[0].Description", "不锈钢法兰 Stainless flange"), new("Lines[0].Specification", "DN100 PN16"),
            new("Lines[0].Quantity", "10"), new("Lines[0].UnitPrice", "10000"), new("Lines[0].DeliveryDate", ""),
        ], "/Changes/New");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noDate.Status);
        Assert.Contains("Every line needs a delivery date.", noDate.ErrorText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ContractChanges.AnyAsync(c => c.ContractId == contract.Id)));

        var changeId = await _driver.RequestChangeAsync(contract, ChangeKind.Quantity, quantity: 12);
        var salesTries = await _driver.DecideChangeAsync(changeId, "Accept", "sales");
        Assert.Equal(HttpStatusCode.Forbidden, salesTries.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.DecideChangeAsync(changeId, "Accept")).Status);

        var change = await _driver.ChangeAsync(changeId);
        Assert.Equal(ChangeStatus.Implemented, change.Status);
        Assert.Equal(2, change.ResultingVersion);
        var revised = await _driver.NoticeAsync(change.NoticeId!.Value);
        Assert.Equal(2, revised.Revision);
        Assert.Equal(firstId, revised.SupersedesId);
        Assert.Equal(12m, revised.Lines.Single().Quantity);
        Assert.True(revised.Lines.Single().ChangedFromPrevious);
        Assert.Equal(["Production", "Purchasing"], revised.PendingDepartments);
        Assert.Equal(NoticeStatus.Superseded, (await _driver.NoticeAsync(firstId)).Status);
        Assert.Equal(120_000_00, (await _driver.ReloadAsync(contract)).AmountMinor);

        var queue = await (await _driver.As("purchasing")).GetAsync("/Queue");
        Assert.Contains(revised.Number, queue.Document.QuerySelector("#queue-acknowledge")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.AcknowledgeAsync(revised.Id, "Production", "production")).Status);
        Assert.Equal(["Purchasing"], (await _driver.NoticeAsync(revised.Id)).PendingDepartments);
    }

    [Fact]
    public async Task A_price_change_records_a_quotation_and_a_process_change_sends_a_product_change_notice()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);

        var priceId = await _driver.RequestChangeAsync(contract, ChangeKind.Price, unitPrice: 9_500m);
        await _driver.DecideChangeAsync(priceId, "Accept");
        var price = await _driver.ChangeAsync(priceId);
        var quotation = await app.WithDbAsync(db => db.Quotations.AsNoTracking().SingleAsync(q => q.Id == price.QuotationId));
        Assert.Matches(@"^BJ-2026-\d{4}$", quotation.Number);
        Assert.Equal(100_000_00, quotation.PreviousAmountMinor);
        Assert.Equal(95_000_00, quotation.AmountMinor);
        Assert.Equal(95_000_00, (await _driver.ReloadAsync(contract)).AmountMinor);

        var processId = await _driver.RequestChangeAsync(contract, ChangeKind.Process);
        await _driver.DecideChangeAsync(processId, "Accept");
        var process = await _driver.ChangeAsync(processId);
        var notice = await _driver.NoticeAsync(process.NoticeId!.Value);
        Assert.Equal(NoticeKind.ProductChange, notice.Kind);
        Assert.Matches(@"^CP-2026-\d{4}$", notice.Number);
        Assert.Equal(["Production", "Technical", "Quality"], notice.PendingDepartments);
        Assert.Equal(2, (await _driver.ReloadAsync(contract)).CurrentVersion); // a process change leaves the lines as they are
    }

    [Fact]
    public async Task A_termination_needs_both_parties_and_ends_the_contract()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var changeId = await _driver.RequestChangeAsync(contract, ChangeKind.Termination);

        Assert.Equal(ContractStatus.Executing, (await _driver.ReloadAsync(contract)).Status); // only the customer has confirmed
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.DecideChangeAsync(changeId, "Accept")).Status);

        var change = await _driver.ChangeAsync(changeId);
        Assert.Equal(ChangeStatus.Implemented, change.Status);
        Assert.Contains("Li", change.CompanyConfirmedByName, StringComparison.Ordinal);
        Assert.Contains("客户函", change.CustomerConfirmation, StringComparison.Ordinal);
        var after = await _driver.ReloadAsync(contract);
        Assert.Equal(ContractStatus.Terminated, after.Status);
        var refused = await _driver.DeliverAsync(contract, 1, "TD-T");
        Assert.Contains("Terminated", (await (await _driver.As("contracts")).FollowAsync(refused)).Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sales_logs_what_the_customer_was_told_and_a_department_outside_the_contract_cannot()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);

        var logged = await _driver.PostOnContractAsync(contract, "sales", "Communications",
            [new("OccurredAt", "2026-11-23T10:15"), new("Channel", "Phone"), new("CustomerContact", "刘先生"), new("Summary", "告知首批 4 件 12 月发货 / first 4 ship in December")]);
        var outsider = await _driver.PostOnContractAsync(contract, "legal", "Communications",
            [new("OccurredAt", "2026-11-23T10:15"), new("Channel", "Phone"), new("CustomerContact", "x"), new("Summary", "forged")]);

        Assert.Equal(HttpStatusCode.Redirect, logged.Status);
        Assert.Equal(HttpStatusCode.Forbidden, outsider.Status);
        var entries = await app.WithDbAsync(db => db.CommunicationEntries.AsNoTracking().Where(e => e.ContractId == contract.Id).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(new DateTime(2026, 11, 23, 2, 15, 0), entry.OccurredAtUtc); // 10:15 China time
        var page = await (await _driver.As("sales")).GetAsync(TrackingDriver.Details(contract));
        Assert.Contains("first 4 ship in December", page.Document.QuerySelector("#communication-log")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_notice_is_worked_by_the_technical_team_with_site_records()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var contracts = await _driver.As("contracts");
        var issued = await contracts.SubmitAsync(TrackingDriver.Details(contract),
            [new("ContractId", contract.Id.ToString()), new("Site", "上海浦东工地"), new("Request", "安装调试 / installation and commissioning")], "/ServiceNotices/New");
        Assert.Equal(HttpStatusCode.Redirect, issued.Status);
        var id = IdFrom(issued);

        var technical = await _driver.As("technical");
        Assert.Contains("上海浦东工地", (await technical.GetAsync("/Queue")).Document.QuerySelector("#queue-service")!.TextContent, StringComparison.Ordinal);
        var token = await technical.TokenFromAsync($"/ServiceNotices/{id}");
        var recorded = await technical.PostAsync($"/ServiceNotices/{id}/SiteRecords",
            [new("VisitedOn", "2026-11-25"), new("Problem", "法兰渗漏 flange leak"), new("Treatment", "更换垫片"), new("Result", "试压合格 pressure test passed")], token);
        var closed = await technical.PostAsync($"/ServiceNotices/{id}/Close", [new("Outcome", "安装完成")], token);
        var production = await _driver.As("production");
        var forged = await production.PostAsync($"/ServiceNotices/{id}/SiteRecords",
            [new("VisitedOn", "2026-11-25"), new("Problem", "p"), new("Treatment", "t"), new("Result", "r")], await production.TokenFromAsync("/Queue"));

        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        var notice = await app.WithDbAsync(db => db.ServiceNotices.AsNoTracking().Include("_records").SingleAsync(n => n.Id == id));
        Assert.Equal(ServiceNoticeStatus.Closed, notice.Status);
        var record = Assert.Single(notice.Records);
        Assert.Equal("试压合格 pressure test passed", record.Result);
    }

    [Fact]
    public async Task A_withdrawn_change_ends_its_review_and_releases_the_contract()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var changeId = await _driver.RequestChangeAsync(contract, ChangeKind.Structure, specification: "DN100 PN16 带法兰盖 with blind flange");
        await _driver.DecideChangeAsync(changeId, "Accept");
        Assert.True((await _driver.ReloadAsync(contract)).IsHeld);

        var withdrawn = await _driver.DecideChangeAsync(changeId, "Withdraw", "sales", "客户撤回 / the customer withdrew it");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        var change = await _driver.ChangeAsync(changeId);
        Assert.Equal(ChangeStatus.Withdrawn, change.Status);
        Assert.Equal(CustomerProcess.Domain.Reviews.ReviewStatus.Withdrawn, await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == change.ReviewId).Select(r => r.Status).SingleAsync()));
        Assert.False((await _driver.ReloadAsync(contract)).IsHeld);
        var order = await app.WithDbAsync(db => db.SalesOrders.AsNoTracking().Include("_lines").SingleAsync(o => o.Id == contract.OrderId));
        Assert.Equal("DN100 PN16", order.Lines.Single().Specification);
    }

    [Fact]
    public async Task A_change_keeps_the_customers_written_confirmation_with_the_contracts_files_for_its_readers_only()
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var sales = await _driver.As("sales");
        var scan = System.Text.Encoding.UTF8.GetBytes("%PDF-1.4 客户变更确认函 / customer's change confirmation");

        var token = await sales.TokenFromAsync($"/Changes/New?contractId={contract.Id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(contract.Id.ToString()), "ContractId" },
            { new StringContent("Process"), "Kind" },
            { new StringContent("Customer"), "RequestedBy" },
            { new StringContent("刘先生"), "RequesterName" },
            { new StringContent("焊接改为氩弧焊 / TIG welding"), "What" },
            { new StringContent("客户要求 / customer request"), "Why" },
            { new StringContent("客户函 2026-11-22"), "CustomerConfirmation" },
        };
        var file = new ByteArrayContent(scan);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "ConfirmationFile", "confirmation.pdf");
        using var posted = await sales.Http.PostAsync("/Changes/New", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var changeId = Guid.Parse(posted.Headers.Location!.OriginalString.Split('/').Last());
        var change = await _driver.ChangeAsync(changeId);
        var attachment = await app.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.Id == change.ConfirmationAttachmentId));
        Assert.Equal(CustomerProcess.Domain.Attachments.AttachmentOwner.Contract, attachment.OwnerType);
        Assert.Equal(contract.Id, attachment.OwnerId);
        Assert.StartsWith(change.Number, attachment.Description, StringComparison.Ordinal);
        var page = await sales.GetAsync($"/Changes/{changeId}");
        var link = page.Document.QuerySelector("#confirmation-file")!.GetAttribute("href")!;
        Assert.Equal(scan, await (await sales.Http.GetAsync(link)).Content.ReadAsByteArrayAsync());
        var ledger = await (await _driver.As("contracts")).GetAsync(TrackingDriver.Details(contract));
        Assert.Contains("confirmation.pdf", ledger.Document.QuerySelector($"#attachments-{contract.Id}")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await _driver.As("legal")).Http.GetAsync(link)).StatusCode);
    }

    [Theory]
    [InlineData("en", "Contract change")]
    [InlineData("zh-CN", "合同变更")]
    public async Task Every_tracking_page_renders_in_both_languages(string language, string changeTitle)
    {
        var customer = await _driver.Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _driver.SignedContractAsync(customer, CustomerClass.Regular);
        var noticeId = IdFrom(await _driver.IssueNoticeAsync(contract, "Production"));
        var changeId = await _driver.RequestChangeAsync(contract, ChangeKind.DeliveryDate, deliveryDate: "2027-04-30");
        var contracts = await _driver.As("contracts");
        var service = await contracts.SubmitAsync(TrackingDriver.Details(contract),
            [new("ContractId", contract.Id.ToString()), new("Site", "苏州工厂"), new("Request", "培训 / training")], "/ServiceNotices/New");
        var serviceId = IdFrom(service);
        await _driver.PostOnContractAsync(contract, "sales", "Communications",
            [new("OccurredAt", "2026-11-23T09:00"), new("Channel", "Email"), new("CustomerContact", "刘先生"), new("Summary", "合同已签 / signed")]);

        var client = app.CreateBrowserClient(language);
        await client.SignInAsync("salesmanager");
        string[] pages =
        [
            "/Ledger", $"/Ledger?q={customer}&overdue=Any&status=Executing", TrackingDriver.Details(contract), $"/Ledger/Details/{contract.Id}/Versions/1",
            $"/Ledger/History/{contract.Id}", $"/Notices/{noticeId}", $"/Notices/{noticeId}/Print", $"/Notices/{noticeId}/History",
            $"/Notices/New?contractId={contract.Id}", $"/Changes/New?contractId={contract.Id}", $"/Changes/{changeId}", $"/Changes/{changeId}/History",
            $"/ServiceNotices/{serviceId}", "/Queue",
        ];
        foreach (var url in pages)
        {
            var page = await client.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.OK, $"{url} answered {(int)page.Status}");
        }

        var changePage = await client.GetAsync($"/Changes/{changeId}");
        Assert.Contains(changeTitle, changePage.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(changePage.Document.QuerySelector("#accept-form"));
    }

    /// <summary>The notice's PDF document model as the app builds it for a user of the given language.</summary>
    private async Task<CustomerProcess.Infrastructure.Pdf.PdfDocumentModel> NoticePdfModelAsync(Guid noticeId, string culture)
    {
        var capture = new CapturingPdfRenderer();
        using var factory = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddSingleton<CustomerProcess.Infrastructure.Pdf.IPdfRenderer>(capture)));
        using var client = new BrowserLikeClient(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), culture);
        await client.SignInAsync("contracts");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/Notices/{noticeId}/Pdf");
        request.Headers.AcceptLanguage.ParseAdd(culture);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return capture.Last!;
    }

    private sealed class CapturingPdfRenderer : CustomerProcess.Infrastructure.Pdf.IPdfRenderer
    {
        public CustomerProcess.Infrastructure.Pdf.PdfDocumentModel? Last { get; private set; }

        public byte[] Render(CustomerProcess.Infrastructure.Pdf.PdfDocumentModel document)
        {
            Last = document;
            return [0x25, 0x50, 0x44, 0x46];
        }
    }
}
