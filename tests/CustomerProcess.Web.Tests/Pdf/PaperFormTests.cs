using System.Net;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace CustomerProcess.Web.Tests.Pdf;

/// <summary>Issue #18 items 1 and 7: every paper form prints (view and PDF) with its head, its number and the people who
/// acted by display name (and department), never by login name.</summary>
[Collection(AppCollection.Name)]
public sealed class PaperFormTests(AppFactory app)
{
    private const string Quality = "张质量 Zhang (Quality head)";
    private const string QualityStaff = "何质检 He (Quality staff)";
    private const string Sales = "王销售 Wang (Sales)";
    private const string SalesManager = "李经理 Li (Sales manager)";
    private const string Technical = "孙技术 Sun (Technical head)";
    private const string Contracts = "林合同 Lin (Contract administrator)";

    private readonly ReviewDriver _reviews = new(app);
    private readonly TrackingDriver _tracking = new(app);

    /// <summary>The PDF's text (white space removed, as lines wrap) in Chinese, read back with PdfPig; the file is kept under TestResults/pdf.</summary>
    private async Task<string> PdfTextAsync(string user, string url, string name)
    {
        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync(user);
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", "pdf");
        Directory.CreateDirectory(dir);
        await File.WriteAllBytesAsync(Path.Combine(dir, name), bytes);
        using var pdf = PdfDocument.Open(bytes);
        return Compact(string.Concat(pdf.GetPages().Select(p => p.Text)));
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static void AssertHas(string text, params string[] expected)
    {
        foreach (var e in expected)
        {
            Assert.Contains(Compact(e), text, StringComparison.Ordinal);
        }
    }

    private async Task<BrowserLikeClient.Page> OnComplaintAsync(string user, Guid id, string action, List<KeyValuePair<string, string>> fields)
    {
        var client = await _reviews.As(user);
        return await client.PostAsync($"/Complaints/{action}/{id}", fields, await client.TokenFromAsync($"/Complaints/Details/{id}"));
    }

    [Fact]
    public async Task The_feedback_sheet_shows_verifier_answerer_and_closer_by_display_name_and_department_in_the_page_the_PDF_and_the_database()
    {
        var client = await _reviews.As("qstaff");
        var logged = await client.SubmitAsync("/Complaints/Create",
        [
            new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Phone"), new("Severity", "Major"), new("BatchReference", "LOT-18"),
            new("ProductCode", "P-100"), new("Description", "密封件渗漏 / the seal leaks"), new("ReceivedAt", "2026-11-23T08:30"),
        ]);
        var id = Guid.Parse(logged.Location!.Split('/').Last());
        var productionId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "production").Select(u => u.Id).SingleAsync());
        await OnComplaintAsync("qstaff", id, "Investigate", [new("CauseAnalysis", "Seal material too soft"), new("Category", "Material"), new("ResponsibleDepartment", "Purchasing")]);
        await OnComplaintAsync("qstaff", id, "AddAction", [new("Description", "Change the seal supplier"), new("OwnerUserId", productionId), new("DueDate", "2026-12-15")]);
        var actionId = (await app.WithDbAsync(db => db.CorrectiveActions.Where(a => a.ComplaintId == id).Select(a => a.Id).SingleAsync())).ToString();
        await OnComplaintAsync("production", id, "CompleteAction", [new("actionId", actionId), new("note", "New supplier approved")]);
        await OnComplaintAsync("quality", id, "VerifyAction", [new("actionId", actionId)]);
        await OnComplaintAsync("qstaff", id, "Answer", [new("Text", "已更换密封件供应商 / seal supplier changed"), new("Channel", "Email"), new("AnsweredAt", "2026-11-23T09:00")]);
        var closed = await OnComplaintAsync("quality", id, "Close", []);
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);

        var complaint = await app.WithDbAsync(db => db.Complaints.AsNoTracking().Include(c => c.Actions).SingleAsync(c => c.Id == id));
        Assert.Equal(QualityStaff, complaint.AnsweredByName);
        Assert.Equal("Quality", complaint.AnsweredByDepartment);
        Assert.Equal(Quality, complaint.ClosedByName);
        Assert.Equal("Quality", complaint.ClosedByDepartment);
        Assert.Equal(Quality, complaint.Actions.Single().VerifiedByName);
        Assert.Equal("Quality", complaint.Actions.Single().VerifiedByDepartment);

        var sheet = await (await _reviews.As("quality")).GetAsync($"/Complaints/Sheet/{id}");
        Assert.Equal(HttpStatusCode.OK, sheet.Status);
        Assert.Contains(QualityStaff, sheet.Document.QuerySelector("#sheet-answered-by")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Quality, sheet.Document.QuerySelector("#sheet-closed-by")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Quality, sheet.Document.QuerySelector("#sheet")!.TextContent, StringComparison.Ordinal); // the verifier
        Assert.Contains("Customer confirmation", sheet.Document.QuerySelector("#sheet-signatures")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("QR-8.2-07", sheet.Document.QuerySelector(".paper-head")!.TextContent, StringComparison.Ordinal);
        foreach (var login in new[] { "qstaff", "quality" })
        {
            Assert.DoesNotContain(login, sheet.Document.QuerySelector("#sheet")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(login, sheet.Document.QuerySelector("#sheet-signatures")!.TextContent, StringComparison.Ordinal);
        }

        var text = await PdfTextAsync("quality", $"/Complaints/SheetPdf/{id}", "feedback-sheet.pdf");
        AssertHas(text, "顾客信息反馈处理单", complaint.Number, Quality, QualityStaff, "质量部", "顾客确认", "QR-8.2-07");
        Assert.DoesNotContain("qstaff", text, StringComparison.Ordinal);
        Assert.DoesNotContain("quality", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_shows_its_inspector_by_display_name_and_department_not_by_login_name()
    {
        var sales = await _reviews.As("sales");
        var logged = await sales.SubmitAsync("/Complaints/Create",
        [
            new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Phone"), new("Severity", "Minor"),
            new("ProductCode", "P-100"), new("Description", "Returning 2 pumps"), new("ReceivedAt", "2026-11-23T08:30"),
        ]);
        var id = Guid.Parse(logged.Location!.Split('/').Last());
        await sales.SubmitAsync($"/Complaints/Details/{id}",
            [new("ComplaintId", id.ToString()), new("Quantity", "2"), new("Unit", "台"), new("ReceivedAt", "2026-11-23T08:40"), new("Description", "2 pumps")], "/Returns/Register");
        var returnId = await app.WithDbAsync(db => db.Returns.Where(r => r.ComplaintId == id).Select(r => r.Id).SingleAsync());
        var quality = await _reviews.As("quality");
        var inspected = await quality.PostAsync($"/Returns/Inspect/{returnId}", [new("Result", "Pumps work"), new("Founded", "false")], await quality.TokenFromAsync($"/Returns/Details/{returnId}"));
        Assert.Equal(HttpStatusCode.Redirect, inspected.Status);

        var record = await app.WithDbAsync(db => db.Returns.AsNoTracking().SingleAsync(r => r.Id == returnId));
        Assert.Equal(Quality, record.InspectedByName);
        Assert.Equal("Quality", record.InspectedByDepartment);
        var page = await quality.GetAsync($"/Returns/Details/{returnId}");
        var inspectedBy = page.Document.QuerySelectorAll("dt").Single(dt => dt.TextContent == "Inspected by").NextElementSibling!.TextContent;
        Assert.Contains(Quality, inspectedBy, StringComparison.Ordinal);
        Assert.DoesNotContain("quality", inspectedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_notice_prints_with_its_site_records_and_the_technical_team_by_display_name()
    {
        var customer = await _reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _tracking.SignedContractAsync(customer, CustomerClass.Regular);
        var issued = await (await _tracking.As("contracts")).SubmitAsync(TrackingDriver.Details(contract),
            [new("ContractId", contract.Id.ToString()), new("Site", "苏州工业园工地"), new("Request", "现场调试 / commissioning on site")], "/ServiceNotices/New");
        var id = Guid.Parse(issued.Location!.Split('/').Last());
        var technical = await _tracking.As("technical");
        var token = await technical.TokenFromAsync($"/ServiceNotices/{id}");
        await technical.PostAsync($"/ServiceNotices/{id}/SiteRecords",
            [new("VisitedOn", "2026-11-25"), new("Problem", "振动过大 vibration"), new("Treatment", "重新找正 realigned"), new("Result", "振动合格 within limits")], token);
        await technical.PostAsync($"/ServiceNotices/{id}/Close", [new("Outcome", "调试完成 commissioned")], token);
        var notice = await app.WithDbAsync(db => db.ServiceNotices.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal(ServiceNoticeStatus.Closed, notice.Status);

        var page = await technical.GetAsync($"/ServiceNotices/{id}/Print");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(Technical, page.Document.QuerySelector("#site-records-print")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Technical, page.Document.QuerySelector("#service-closed-by")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Contracts, page.Document.QuerySelector("#service-issued-by")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("technical", page.Document.QuerySelector("#site-records-print")!.TextContent, StringComparison.Ordinal);

        var text = await PdfTextAsync("technical", $"/ServiceNotices/{id}/Pdf", "service-notice.pdf");
        AssertHas(text, "技术服务通知单", "施工现场记录", notice.Number, Technical, Contracts, "振动合格", "QR-8.2-05");

        // Someone who is neither the technical team nor a reader of the contract.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _tracking.As("purchasing")).GetAsync($"/ServiceNotices/{id}/Pdf")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await technical.GetAsync($"/ServiceNotices/{Guid.NewGuid()}/Print")).Status);
    }

    [Fact]
    public async Task The_oral_order_confirmation_sheet_names_the_recorder_by_display_name_not_login_name()
    {
        var customer = await _reviews.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _reviews.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 5_000m, channel: "PhoneOral"));
        var orderId = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.SubjectId).SingleAsync());
        var sales = await _reviews.As("sales");
        var confirmed = await sales.SubmitAsync($"/Orders/Details/{orderId}",
            [new("ConfirmedBy", "刘先生"), new("Method", "Fax"), new("ConfirmedAt", "2026-11-23T09:30")], $"/Orders/ConfirmOral/{orderId}");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        var number = await app.WithDbAsync(db => db.SalesOrders.Where(o => o.Id == orderId).Select(o => o.Number).SingleAsync());

        var page = await sales.GetAsync($"/Orders/OralConfirmation/{orderId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var recorder = page.Document.QuerySelector("#oral-recorded-by")!.TextContent;
        Assert.Contains(Sales, recorder, StringComparison.Ordinal);
        Assert.DoesNotContain("sales", recorder, StringComparison.Ordinal);
        Assert.Contains("刘先生", page.Document.QuerySelector("#oral-signatures")!.TextContent, StringComparison.Ordinal);

        var text = await PdfTextAsync("sales", $"/Orders/OralConfirmationPdf/{orderId}", "oral-confirmation.pdf");
        AssertHas(text, "顾客电话(口头)传真订单确认表", number, Sales, "刘先生", "QR-8.2-02");

        // Only an order taken orally has the sheet.
        var written = await _reviews.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 1, 1_000m));
        var writtenOrder = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == written).Select(r => r.SubjectId).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await sales.GetAsync($"/Orders/OralConfirmation/{writtenOrder}")).Status);
    }

    [Fact]
    public async Task The_contract_change_form_prints_with_the_recorder_and_the_decider_by_display_name()
    {
        var customer = await _reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _tracking.SignedContractAsync(customer, CustomerClass.Regular);
        var changeId = await _tracking.RequestChangeAsync(contract, ChangeKind.DeliveryDate, deliveryDate: "2027-04-30");
        Assert.Equal(HttpStatusCode.Redirect, (await _tracking.DecideChangeAsync(changeId, "Accept")).Status);
        var change = await _tracking.ChangeAsync(changeId);

        var page = await (await _tracking.As("salesmanager")).GetAsync($"/Changes/{changeId}/Print");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(Sales, page.Document.QuerySelector("#change-recorded-by")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(SalesManager, page.Document.QuerySelector("#change-decided-by")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("salesmanager", page.Document.QuerySelector("#change-signatures")!.TextContent, StringComparison.Ordinal);

        var text = await PdfTextAsync("salesmanager", $"/Changes/{changeId}/Pdf", "contract-change.pdf");
        AssertHas(text, "合同变更单", change.Number, contract.Number, Sales, SalesManager, "QR-8.2-03");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _tracking.As("purchasing")).GetAsync($"/Changes/{changeId}/Pdf")).Status);
    }

    [Fact]
    public async Task The_survey_questionnaire_prints_blank_for_paper_and_filled_with_a_response()
    {
        var customerId = await app.WithDbAsync(db => db.Customers.Where(c => c.Code == "C-0001").Select(c => c.Id).SingleAsync());
        var customerName = await app.WithDbAsync(db => db.Customers.Where(c => c.Code == "C-0001").Select(c => c.Name).SingleAsync());
        var quality = await _reviews.As("quality");
        var created = await quality.SubmitAsync("/Surveys/Create", [new("Name", "Paper survey " + Guid.NewGuid().ToString("N")[..6]), new("Year", "2026"), new("Quarter", "4"), new("CustomerIds", customerId.ToString())]);
        var campaignId = Guid.Parse(created.Location!.Split('/').Last());
        var saved = await quality.PostAsync($"/Surveys/Respond/{campaignId}",
            [new("CustomerId", customerId.ToString()), new("Quality", "5"), new("Delivery", "4"), new("Service", "3"), new("Price", "2"), new("Communication", "5"), new("Comments", "交货及时 on time")],
            await quality.TokenFromAsync($"/Surveys/Details/{campaignId}"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var responseId = await app.WithDbAsync(db => db.SurveyResponses.Where(r => r.CampaignId == campaignId).Select(r => r.Id).SingleAsync());

        var blank = await quality.GetAsync($"/Surveys/Questionnaire/{campaignId}");
        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Equal(5, blank.Document.QuerySelectorAll("#questionnaire-scores tbody tr").Length);
        Assert.DoesNotContain("√", blank.Document.QuerySelector("#questionnaire-scores")!.TextContent, StringComparison.Ordinal);
        var filled = await quality.GetAsync($"/Surveys/Answered/{responseId}");
        Assert.Equal(5, filled.Document.QuerySelectorAll("#questionnaire-scores td.box").Count(td => td.TextContent == "√"));
        Assert.Contains(customerName, filled.Document.QuerySelector("#questionnaire-customer")!.TextContent, StringComparison.Ordinal);

        AssertHas(await PdfTextAsync("quality", $"/Surveys/QuestionnairePdf/{campaignId}", "questionnaire-blank.pdf"), "顾客满意度调查表", "2026Q4", "QR-9.1-01");
        var text = await PdfTextAsync("quality", $"/Surveys/AnsweredPdf/{responseId}", "questionnaire-filled.pdf");
        AssertHas(text, "顾客满意度调查表", "2026Q4", customerName, "交货及时", "√");
        Assert.Equal(HttpStatusCode.NotFound, (await quality.GetAsync($"/Surveys/Answered/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _reviews.As("production")).GetAsync($"/Surveys/QuestionnairePdf/{campaignId}")).Status);
    }

    [Fact]
    public async Task The_review_form_PDF_has_the_company_head_the_form_code_the_checked_items_and_the_signers_by_display_name()
    {
        var customer = await _reviews.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _reviews.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 15_000m));
        await _reviews.SignAllAsync(reviewId, ["Sales", "Production"]);
        await _reviews.PostOnReviewAsync(reviewId, "salesmanager", "Conclude", [new("Password", DemoData.Password), new("Comment", "同意接单")]);
        var number = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).SelectMany(r => db.SalesOrders.Where(o => o.Id == r.SubjectId).Select(o => o.Number)).SingleAsync());

        var text = await PdfTextAsync("salesmanager", $"/Reviews/{reviewId}/Pdf", "review-form-head.pdf");
        AssertHas(text, "合同评审表", "QR-8.2-01", "记录编号：" + number, "已核对项目", "产能和交货期可以满足", "顾客财产", SalesManager, "赵生产");
        Assert.DoesNotContain("salesmanager", text, StringComparison.Ordinal);

        var page = await (await _reviews.As("salesmanager")).GetAsync($"/Reviews/{reviewId}/Print");
        Assert.Contains("QR-8.2-01", page.Document.QuerySelector(".paper-head")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Capacity and delivery date are achievable", page.Document.QuerySelector("#print-sections")!.TextContent, StringComparison.Ordinal);
    }
}
