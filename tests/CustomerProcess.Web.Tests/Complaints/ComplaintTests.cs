using System.Net;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace CustomerProcess.Web.Tests.Complaints;

/// <summary>Own app: the overdue test moves the clock.</summary>
public sealed class ComplaintTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly ReviewDriver _users = new(app);

    private static KeyValuePair<string, string>[] Form(string customerCode, string description, string receivedAt = "2026-11-23T08:30") =>
    [
        new("CustomerCode", customerCode), new("Kind", "Complaint"), new("Channel", "Phone"), new("Severity", "Major"),
        new("BatchReference", "LOT-2026-11-07"), new("ProductCode", "P-100"), new("Description", description), new("ReceivedAt", receivedAt),
    ];

    private async Task<Guid> LogAsync(string user, string customerCode, string description, string receivedAt = "2026-11-23T08:30")
    {
        var client = await _users.As(user);
        var result = await client.SubmitAsync("/Complaints/Create", Form(customerCode, description, receivedAt));
        Assert.True(result.Status == HttpStatusCode.Redirect, result.ErrorText);
        return Guid.Parse(result.Location!.Split('/').Last());
    }

    private async Task<BrowserLikeClient.Page> PostAsync(string user, Guid id, string action, List<KeyValuePair<string, string>> fields)
    {
        var client = await _users.As(user);
        var token = await client.TokenFromAsync($"/Complaints/Details/{id}");
        return await client.PostAsync($"/Complaints/{action}/{id}", fields, token);
    }

    private Task<Complaint> LoadAsync(Guid id) => app.WithDbAsync(db => db.Complaints.AsNoTracking().Include(c => c.Actions).SingleAsync(c => c.Id == id));

    [Fact]
    public async Task A_complaint_logged_by_sales_appears_at_once_in_the_quality_queue_and_board()
    {
        var id = await LogAsync("sales", "C-0001", "泵体漏水 / the pump body leaks");
        var number = (await LoadAsync(id)).Number;
        Assert.Matches(@"^TS-2026-\d{4}$", number);

        var queue = await (await _users.As("qstaff")).GetAsync("/Queue");
        Assert.Contains(number, queue.Document.QuerySelector("#queue-complaint")!.TextContent, StringComparison.Ordinal);
        var board = await (await _users.As("quality")).GetAsync("/Complaints");
        Assert.Contains(number, board.Document.QuerySelector("#complaints")!.TextContent, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Complaint" && a.EntityId == id.ToString() && a.UserName == "sales"));
        Assert.True(audit);
    }

    [Fact]
    public async Task A_complaint_cannot_close_with_an_unverified_action_and_closes_once_it_is_verified()
    {
        var id = await LogAsync("qstaff", "C-0001", "Paint peeling after two weeks");
        var productionId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "production").Select(u => u.Id).SingleAsync());
        await PostAsync("qstaff", id, "Investigate", [new("CauseAnalysis", "Primer cured too short"), new("Category", "Process"), new("ResponsibleDepartment", "Production")]);
        await PostAsync("qstaff", id, "AddAction", [new("Description", "Extend curing time to 40 min"), new("OwnerUserId", productionId), new("DueDate", "2026-12-15")]);
        await PostAsync("qstaff", id, "Answer", [new("Text", "We will repaint the batch free of charge."), new("Channel", "Email"), new("AnsweredAt", "2026-11-23T08:45")]);

        var refused = await PostAsync("quality", id, "Close", []);
        Assert.Contains("Every corrective action must be verified", (await (await _users.As("quality")).FollowAsync(refused)).Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ComplaintStatus.Answered, (await LoadAsync(id)).Status);

        var action = (await LoadAsync(id)).Actions.Single();
        var done = await PostAsync("production", id, "CompleteAction", [new("actionId", action.Id.ToString()), new("note", "Curing time changed in WI-17")]);
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("production", id, "VerifyAction", [new("actionId", action.Id.ToString())])).Status);
        await PostAsync("quality", id, "Close", []);
        Assert.Equal(ComplaintStatus.Answered, (await LoadAsync(id)).Status); // done, not yet verified

        await PostAsync("quality", id, "VerifyAction", [new("actionId", action.Id.ToString())]);
        await PostAsync("quality", id, "Close", []);
        var closed = await LoadAsync(id);
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        Assert.Equal(ActionStatus.Verified, closed.Actions.Single().Status);
    }

    [Fact]
    public async Task A_sales_user_cannot_close_or_answer_a_complaint()
    {
        var id = await LogAsync("sales", "C-0001", "Late delivery of spare parts");

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("sales", id, "Close", [])).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("sales", id, "Answer", [new("Text", "x"), new("Channel", "Email"), new("AnsweredAt", "2026-11-24T10:00")])).Status);
        var complaint = await LoadAsync(id);
        Assert.Null(complaint.AnswerText);
        Assert.Equal(ComplaintStatus.Logged, complaint.Status);
    }

    [Fact]
    public async Task A_salesperson_does_not_see_complaints_of_another_salespersons_customers()
    {
        var code = await _users.CustomerAsync(CustomerClass.Regular); // no owner
        var id = await LogAsync("qstaff", code, "Wrong labels");

        var sales = await _users.As("sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/Complaints/Details/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/Complaints/SheetPdf/{id}")).Status);
        Assert.DoesNotContain(code, (await sales.GetAsync("/Complaints")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feedback_sheet_PDF_contains_the_complaint_number_and_the_answer()
    {
        var id = await LogAsync("qstaff", "C-0001", "叶轮磨损过快 / impeller wears too fast");
        await PostAsync("qstaff", id, "Answer", [new("Text", "已更换耐磨叶轮，免费 / Wear-resistant impeller replaced free of charge"), new("Channel", "Letter"), new("AnsweredAt", "2026-11-23T08:50")]);
        var number = (await LoadAsync(id)).Number;

        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("quality");
        var response = await client.Http.GetAsync($"/Complaints/SheetPdf/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("已更换耐磨叶轮", text, StringComparison.Ordinal);
        Assert.Contains("顾客信息反馈处理单", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_is_inspected_and_settled_or_booked_back_by_the_right_people()
    {
        var id = await LogAsync("sales", "C-0001", "Returning 5 pumps");
        var sales = await _users.As("sales");
        var registered = await sales.SubmitAsync($"/Complaints/Details/{id}",
            [new("ComplaintId", id.ToString()), new("Quantity", "5"), new("Unit", "台"), new("ReceivedAt", "2026-11-23T08:40"), new("Description", "5 pumps, original crates")],
            "/Returns/Register");
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        var returnId = await app.WithDbAsync(db => db.Returns.Where(r => r.ComplaintId == id).Select(r => r.Id).SingleAsync());
        Assert.Equal($"/Returns/Details/{returnId}", registered.Location);

        async Task<BrowserLikeClient.Page> OnReturn(string user, string action, List<KeyValuePair<string, string>> fields)
        {
            var client = await _users.As(user);
            return await client.PostAsync($"/Returns/{action}/{returnId}", fields, await client.TokenFromAsync($"/Returns/Details/{returnId}"));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await OnReturn("sales", "Inspect", [new("Result", "x"), new("Founded", "false")])).Status);
        await OnReturn("qstaff", "Inspect", [new("Result", "Pumps work; installed without a strainer"), new("Founded", "false")]);
        await OnReturn("qstaff", "BookBack", [new("Disposition", "Scrap"), new("Note", "scrap")]);
        Assert.Equal(ReturnStatus.Inspected, await app.WithDbAsync(db => db.Returns.Where(r => r.Id == returnId).Select(r => r.Status).SingleAsync()));

        await OnReturn("sales", "Settle", [new("Settlement", "Customer keeps the pumps; we send a strainer")]);
        var record = await app.WithDbAsync(db => db.Returns.AsNoTracking().SingleAsync(r => r.Id == returnId));
        Assert.Equal(ReturnStatus.Settled, record.Status);
        Assert.False(record.IsFounded);
        Assert.Equal("Customer keeps the pumps; we send a strainer", record.Outcome);
        var complaintPage = await sales.GetAsync($"/Complaints/Details/{id}");
        Assert.Contains("Settled", complaintPage.Document.QuerySelector("#returns")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_fields_give_clear_messages_and_nothing_is_logged()
    {
        var client = await _users.As("qstaff");
        var before = await app.WithDbAsync(db => db.Complaints.CountAsync());

        var result = await client.SubmitAsync("/Complaints/Create", [new("CustomerCode", "NOPE"), new("Description", ""), new("ReceivedAt", "")]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Describe the complaint.", result.ErrorText, StringComparison.Ordinal);
        Assert.Contains("Enter when the complaint was received.", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Complaints.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_customer_code_is_refused_with_422_and_its_message_and_nothing_is_logged()
    {
        var client = await _users.As("qstaff");
        var before = await app.WithDbAsync(db => db.Complaints.CountAsync());

        var result = await client.SubmitAsync("/Complaints/Create", Form("C-9999", "No such customer"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Contains("No active customer has the code C-9999.", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Complaints.CountAsync()));
    }

    [Fact]
    public async Task Closing_or_answering_a_complaint_or_completing_an_action_that_does_not_exist_answers_404()
    {
        var id = await LogAsync("qstaff", "C-0001", "Exists, for the token");
        var quality = await _users.As("quality");
        var token = await quality.TokenFromAsync($"/Complaints/Details/{id}");
        var missing = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await quality.PostAsync($"/Complaints/Close/{missing}", [], token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await quality.PostAsync($"/Complaints/Answer/{missing}", [new("Text", "x"), new("Channel", "Email"), new("AnsweredAt", "2026-11-24T10:00")], token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await quality.PostAsync($"/Complaints/CompleteAction/{id}?actionId={Guid.NewGuid()}", [new("note", "done")], token)).Status);
        Assert.Equal(ComplaintStatus.Logged, (await LoadAsync(id)).Status);
    }
}

/// <summary>The answer clock, on its own app because it moves time.</summary>
public sealed class ComplaintClockTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_complaint_shows_overdue_only_after_72_hours()
    {
        var users = new ReviewDriver(app);
        var client = await users.As("qstaff");
        // The fake clock starts at 2026-11-23 01:00 UTC = 09:00 China time.
        var logged = await client.SubmitAsync("/Complaints/Create",
            [new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Email"), new("Severity", "Minor"), new("Description", "Noise"), new("ReceivedAt", "2026-11-23T09:00")]);
        var id = logged.Location!.Split('/').Last();

        app.Clock.Advance(TimeSpan.FromHours(72));
        var atDeadline = await (await new ReviewDriver(app).As("quality")).GetAsync($"/Complaints/Details/{id}");
        Assert.DoesNotContain("Overdue", atDeadline.Document.QuerySelector("#answer-clock")!.TextContent, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var quality = await new ReviewDriver(app).As("quality");
        var after = await quality.GetAsync($"/Complaints/Details/{id}");
        Assert.Contains("Overdue", after.Document.QuerySelector("#answer-clock")!.TextContent, StringComparison.Ordinal);
        var board = await quality.GetAsync("/Complaints");
        Assert.Contains("overdue and not answered 1", board.Document.QuerySelector("#clock-stats")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(board.Document.QuerySelector("#complaints tr.overdue-row"));

        // The month's answer clock (input to management review): overdue now, answered late once answered.
        static string[] Cells(BrowserLikeClient.Page page) =>
            page.Document.QuerySelectorAll("#answer-clock-by-month tr[data-month='2026-11'] td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal(["2026-11", "1", "0", "0", "1", "0"], Cells(await quality.GetAsync("/ComplaintAnalysis")));
        var token = await quality.TokenFromAsync($"/Complaints/Details/{id}");
        var answered = await quality.PostAsync($"/Complaints/Answer/{id}", [new("Text", "Bearing replaced"), new("Channel", "Phone"), new("AnsweredAt", "2026-11-26T09:01")], token);
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        Assert.Equal(["2026-11", "1", "0", "1", "0", "0"], Cells(await quality.GetAsync("/ComplaintAnalysis")));
        Assert.Contains("answered late 1", (await quality.GetAsync("/Complaints")).Document.QuerySelector("#clock-stats")!.TextContent, StringComparison.Ordinal);
    }
}
