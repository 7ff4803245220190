using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Complaints;

/// <summary>Attachments, returns against contracts, the personal waiting list and the analysis of returns —
/// on their own app, so counts are not disturbed by other tests.</summary>
public sealed class ComplaintFollowUpTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly byte[] Pdf = "%PDF-1.4\n% letter from the customer\n%%EOF\n"u8.ToArray();

    private readonly ReviewDriver _users = new(app);

    private static List<KeyValuePair<string, string>> ComplaintForm(string customerCode, string description) =>
    [
        new("CustomerCode", customerCode), new("Kind", "Complaint"), new("Channel", "Letter"), new("Severity", "Major"),
        new("ProductCode", "P-100"), new("Description", description), new("ReceivedAt", "2026-11-23T08:30"),
    ];

    /// <summary>Posts a multipart form as a browser does: the fields, the files and the antiforgery token of <paramref name="pageUrl"/>.</summary>
    private static async Task<BrowserLikeClient.Page> PostFilesAsync(BrowserLikeClient client, string pageUrl, string actionUrl, IEnumerable<KeyValuePair<string, string>> fields, params (string Name, byte[] Bytes, string ContentType)[] files) =>
        await PostFilesAsync(client, pageUrl, actionUrl, "files", fields, files);

    private static async Task<BrowserLikeClient.Page> PostFilesAsync(BrowserLikeClient client, string pageUrl, string actionUrl, string fileField, IEnumerable<KeyValuePair<string, string>> fields, params (string Name, byte[] Bytes, string ContentType)[] files)
    {
        var token = await client.TokenFromAsync(pageUrl);
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields.Append(new("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var (name, bytes, contentType) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            content.Add(file, fileField, name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, actionUrl) { Content = content };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var response = await client.Http.SendAsync(request);
        return await BrowserLikeClient.Page.FromAsync(response);
    }

    private async Task<Guid> LogWithFilesAsync(string user, string customerCode, string description, params (string Name, byte[] Bytes, string ContentType)[] files)
    {
        var result = await PostFilesAsync(await _users.As(user), "/Complaints/Create", "/Complaints/Create", ComplaintForm(customerCode, description), files);
        Assert.True(result.Status == HttpStatusCode.Redirect, result.ErrorText);
        return Guid.Parse(result.Location!.Split('/').Last());
    }

    /// <summary>One file through the attachment form of a record's page.</summary>
    private static Task<BrowserLikeClient.Page> AttachAsync(BrowserLikeClient client, string pageUrl, AttachmentOwner owner, Guid ownerId, string name, byte[] bytes) =>
        PostFilesAsync(client, pageUrl, "/Attachments/Upload", "file",
            [new("ownerType", owner.ToString()), new("ownerId", ownerId.ToString()), new("returnUrl", pageUrl)], (name, bytes, "application/octet-stream"));

    private Task<List<Attachment>> AttachmentsOfAsync(Guid ownerId) =>
        app.WithDbAsync(db => db.Attachments.AsNoTracking().Where(a => a.OwnerId == ownerId).OrderBy(a => a.FileName).ToListAsync());

    private async Task<BrowserLikeClient.Page> PostOnComplaintAsync(string user, Guid id, string action, List<KeyValuePair<string, string>> fields)
    {
        var client = await _users.As(user);
        return await client.PostAsync($"/Complaints/{action}/{id}", fields, await client.TokenFromAsync($"/Complaints/Details/{id}"));
    }

    /// <summary>A signed contract for the customer, through the real review: simplified review, concluded, signed.</summary>
    private async Task<string> ContractAsync(string customerCode)
    {
        var reviewId = await _users.SubmitOrderAsync(ReviewDriver.OrderForm(customerCode, 2, 1_500m));
        await _users.SignAllAsync(reviewId, ["Sales", "Production"]);
        await _users.PostOnReviewAsync(reviewId, "salesmanager", "Conclude", [new("Password", DemoData.Password), new("Comment", "OK")]);
        var orderId = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.SubjectId).SingleAsync());
        var contracts = await _users.As("contracts");
        var signed = await contracts.SubmitAsync($"/Orders/Details/{orderId}", [new("signedOn", "2026-11-20")], $"/Orders/SignContract/{orderId}");
        Assert.Equal(HttpStatusCode.Redirect, signed.Status);
        return await app.WithDbAsync(db => db.Contracts.Where(c => c.OrderId == orderId).Select(c => c.Number).SingleAsync());
    }

    [Fact]
    public async Task Photos_and_letters_logged_with_a_complaint_are_kept_with_their_SHA_256_and_come_back_unchanged()
    {
        var id = await LogWithFilesAsync("sales", "C-0001", "Cracked casing, see photo and letter", ("漏水照片.png", Png, "image/png"), ("客户来函.pdf", Pdf, "application/pdf"));

        var stored = await AttachmentsOfAsync(id);
        Assert.Equal(["客户来函.pdf", "漏水照片.png"], stored.Select(a => a.FileName));
        var photo = stored.Single(a => a.FileName == "漏水照片.png");
        Assert.Equal(AttachmentOwner.Complaint, photo.OwnerType);
        Assert.Equal("image/png", photo.ContentType);
        Assert.Equal(Png.Length, photo.Size);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Png)), photo.Sha256);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Attachment" && a.EntityId == photo.Id.ToString() && a.Field == "Sha256" && a.NewValue == photo.Sha256)));

        var quality = await _users.As("quality");
        var details = await quality.GetAsync($"/Complaints/Details/{id}");
        Assert.Contains("漏水照片.png", details.Document.QuerySelector($"#attachments-{id}")!.TextContent, StringComparison.Ordinal);

        using var download = await quality.Http.GetAsync($"/Attachments/Download/{photo.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_of_a_type_outside_the_allow_list_at_intake_is_refused_with_its_name_and_no_complaint_is_logged()
    {
        var before = await app.WithDbAsync(db => db.Complaints.CountAsync());

        var result = await PostFilesAsync(await _users.As("qstaff"), "/Complaints/Create", "/Complaints/Create", ComplaintForm("C-0001", "With a program"),
            ("photo.png", Png, "image/png"), ("tool.exe", [0x4D, 0x5A, 0x90, 0], "application/octet-stream"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("tool.exe: Only PDF, JPEG, PNG, Word and Excel files can be attached.", result.ErrorText, StringComparison.Ordinal);
        Assert.DoesNotContain("photo.png:", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Complaints.CountAsync()));
    }

    [Fact]
    public async Task A_file_over_10_MB_is_refused_at_intake_and_no_complaint_is_logged()
    {
        var big = new byte[Attachment.MaxBytes + 1];
        Png.CopyTo(big, 0);
        var before = await app.WithDbAsync(db => db.Complaints.CountAsync());

        var result = await PostFilesAsync(await _users.As("qstaff"), "/Complaints/Create", "/Complaints/Create", ComplaintForm("C-0001", "Huge photo"), ("huge.png", big, "image/png"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("huge.png: The file is larger than 10 MB.", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Complaints.CountAsync()));
    }

    [Fact]
    public async Task A_closed_complaint_keeps_its_files_readable_but_takes_no_new_ones()
    {
        var id = await LogWithFilesAsync("qstaff", "C-0001", "Scratches", ("scratch.png", Png, "image/png"));
        await PostOnComplaintAsync("qstaff", id, "Answer", [new("Text", "Touch-up paint sent."), new("Channel", "Phone"), new("AnsweredAt", "2026-11-23T08:55")]);
        await PostOnComplaintAsync("quality", id, "Close", []);
        Assert.Equal(ComplaintStatus.Closed, await app.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));

        var quality = await _users.As("quality");
        var file = Assert.Single(await AttachmentsOfAsync(id));
        using var download = await quality.Http.GetAsync($"/Attachments/Download/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Null((await quality.GetAsync($"/Complaints/Details/{id}")).Document.QuerySelector($"#attachments-{id} form"));

        var late = await AttachAsync(quality, $"/Complaints/Details/{id}", AttachmentOwner.Complaint, id, "late.png", Png);
        Assert.Equal(HttpStatusCode.Forbidden, late.Status);
        Assert.Single(await AttachmentsOfAsync(id));
    }

    [Fact]
    public async Task An_answer_dated_in_the_future_or_before_receipt_is_refused_with_a_message()
    {
        var id = await LogWithFilesAsync("qstaff", "C-0001", "Seal leaks again");

        var quality = await _users.As("qstaff");
        var future = await PostOnComplaintAsync("qstaff", id, "Answer", [new("Text", "Fixed"), new("Channel", "Email"), new("AnsweredAt", "2026-11-25T10:00")]);
        Assert.Contains("The time of the answer cannot be in the future.", (await quality.FollowAsync(future)).Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);
        var early = await PostOnComplaintAsync("qstaff", id, "Answer", [new("Text", "Fixed"), new("Channel", "Email"), new("AnsweredAt", "2026-11-22T10:00")]);
        Assert.Contains("The answer cannot be earlier than the receipt of the complaint.", (await quality.FollowAsync(early)).Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);
        var complaint = await app.WithDbAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Null(complaint.AnsweredAtUtc);
        Assert.Equal(ComplaintStatus.Logged, complaint.Status);
    }

    [Fact]
    public async Task A_return_against_a_contract_is_inspected_as_founded_and_booked_back_as_nonconforming_with_its_disposition()
    {
        var contract = await ContractAsync("C-0001");
        var sales = await _users.As("sales");

        var registered = await sales.SubmitAsync("/Returns/Create",
            [new("ContractNumber", contract.ToLowerInvariant()), new("ProductCode", "p-200"), new("Quantity", "3"), new("Unit", "个"), new("ReceivedAt", "2026-11-23T08:00"), new("Description", "3 valves, body porosity")]);

        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        var id = Guid.Parse(registered.Location!.Split('/').Last());
        var record = await app.WithDbAsync(db => db.Returns.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Null(record.ComplaintId);
        Assert.NotNull(record.ContractId);
        Assert.Equal(3m, record.Quantity);
        Assert.Contains("Wang", record.RegisteredByName, StringComparison.Ordinal);

        async Task<BrowserLikeClient.Page> OnReturn(string user, string action, List<KeyValuePair<string, string>> fields)
        {
            var client = await _users.As(user);
            return await client.PostAsync($"/Returns/{action}/{id}", fields, await client.TokenFromAsync($"/Returns/Details/{id}"));
        }

        // The inspection photo is kept with the return; a salesperson of another customer could not read it (see below).
        var photo = await AttachAsync(await _users.As("qstaff"), $"/Returns/Details/{id}", AttachmentOwner.Return, id, "气孔.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2]);
        Assert.Equal(HttpStatusCode.Redirect, photo.Status);
        Assert.Contains("气孔.jpg", (await sales.GetAsync($"/Returns/Details/{id}")).Document.QuerySelector($"#attachments-{id}")!.TextContent, StringComparison.Ordinal);

        var missing = await OnReturn("qstaff", "Inspect", [new("Result", "")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.Status);
        Assert.Contains("Say whether the return is founded.", missing.ErrorText, StringComparison.Ordinal);

        await OnReturn("qstaff", "Inspect", [new("Result", "Porosity in the valve body confirmed by pressure test"), new("Founded", "true")]);
        var settle = await OnReturn("sales", "Settle", [new("Settlement", "Keep them")]);
        Assert.Contains("A founded return is booked back", (await sales.FollowAsync(settle)).Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await OnReturn("sales", "BookBack", [new("Disposition", "Rework"), new("Note", "x")])).Status);

        var booked = await OnReturn("qstaff", "BookBack", [new("Disposition", "Rework"), new("Note", "Booked into the nonconforming area; bodies re-cast")]);
        Assert.Equal(HttpStatusCode.Redirect, booked.Status);
        record = await app.WithDbAsync(db => db.Returns.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(ReturnStatus.BookedBack, record.Status);
        Assert.True(record.IsNonconforming);
        Assert.Equal(NonconformingDisposition.Rework, record.Disposition);
        var afterwards = await AttachAsync(await _users.As("qstaff"), $"/Returns/Details/{id}", AttachmentOwner.Return, id, "late.jpg", [0xFF, 0xD8, 0xFF, 0xE0]);
        Assert.Equal(HttpStatusCode.Forbidden, afterwards.Status); // the return is finished: its record is closed

        var page = await sales.GetAsync($"/Returns/Details/{id}");
        Assert.Contains(contract, page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#nonconforming"));
        Assert.Contains("Rework", page.Document.QuerySelector("#outcome")!.TextContent, StringComparison.Ordinal);
        var list = await sales.GetAsync("/Returns?q=" + contract);
        Assert.Contains(contract, list.Document.QuerySelector("#returns")!.TextContent, StringComparison.Ordinal);

        var analysis = await (await _users.As("quality")).GetAsync("/ComplaintAnalysis");
        Assert.Contains("Founded · Rework", analysis.Document.QuerySelector("svg#returns-by-verdict")!.TextContent, StringComparison.Ordinal);
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/ComplaintAnalysis/Csv");
        csvRequest.Headers.AcceptLanguage.ParseAdd("en");
        using var csvResponse = await (await _users.As("quality")).Http.SendAsync(csvRequest);
        var csv = await csvResponse.Content.ReadAsStringAsync();
        Assert.Contains("Returns by inspection result and disposition,Founded · Rework,1", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_for_an_unknown_contract_is_refused_with_a_message_and_nothing_is_stored()
    {
        var before = await app.WithDbAsync(db => db.Returns.CountAsync());

        var result = await (await _users.As("sales")).SubmitAsync("/Returns/Create",
            [new("ContractNumber", "HT-1999-0001"), new("Quantity", "1"), new("Unit", "台"), new("ReceivedAt", "2026-11-23T08:00"), new("Description", "x")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Contains("There is no contract HT-1999-0001.", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Returns.CountAsync()));
    }

    [Fact]
    public async Task A_salesperson_does_not_see_returns_of_customers_they_do_not_own()
    {
        var stranger = await _users.CustomerAsync(CustomerClass.Regular);
        var contract = await ContractAsync(stranger);
        var registered = await (await _users.As("qstaff")).SubmitAsync("/Returns/Create",
            [new("ContractNumber", contract), new("Quantity", "1"), new("Unit", "台"), new("ReceivedAt", "2026-11-23T08:00"), new("Description", "Returned unopened")]);
        var id = registered.Location!.Split('/').Last();
        var returnId = Guid.Parse(id);
        await AttachAsync(await _users.As("qstaff"), $"/Returns/Details/{id}", AttachmentOwner.Return, returnId, "note.pdf", Pdf);
        var fileId = await app.WithDbAsync(db => db.Attachments.Where(a => a.OwnerId == returnId).Select(a => a.Id).SingleAsync());

        var sales = await _users.As("sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/Returns/Details/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/Attachments/Download/{fileId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await AttachAsync(sales, "/Returns", AttachmentOwner.Return, returnId, "forged.pdf", Pdf)).Status);
        Assert.DoesNotContain(contract, (await sales.GetAsync("/Returns")).Text, StringComparison.Ordinal);
        var token = await sales.TokenFromAsync("/Returns");
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsync($"/Returns/Settle/{id}", [new("Settlement", "x")], token)).Status);
        Assert.True((await (await _users.As("salesmanager")).GetAsync($"/Returns/Details/{id}")).Status == HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_board_shows_each_user_what_waits_for_their_action()
    {
        var id = await LogWithFilesAsync("sales", "C-0001", "Motor overheats — waiting list test");
        var number = await app.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());
        string Row(BrowserLikeClient.Page page, string kind) =>
            string.Join(" | ", page.Document.QuerySelectorAll($"#my-work tr.waiting-{kind}").Select(r => r.TextContent));

        var quality = await _users.As("qstaff");
        Assert.Contains(number, Row(await quality.GetAsync("/Complaints"), "Answer"), StringComparison.Ordinal);

        var productionId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "production").Select(u => u.Id).SingleAsync());
        await PostOnComplaintAsync("qstaff", id, "AddAction", [new("Description", "Replace fan supplier"), new("OwnerUserId", productionId), new("DueDate", "2026-12-10")]);
        var production = await _users.As("production");
        var productionBoard = await production.GetAsync("/Complaints");
        Assert.Contains("Replace fan supplier", Row(productionBoard, "MyAction"), StringComparison.Ordinal);
        Assert.Contains("Complete the corrective action", Row(productionBoard, "MyAction"), StringComparison.Ordinal);
        Assert.Empty(Row(productionBoard, "Answer"));

        var actionId = await app.WithDbAsync(db => db.CorrectiveActions.Where(a => a.ComplaintId == id).Select(a => a.Id).SingleAsync());
        await PostOnComplaintAsync("production", id, "CompleteAction", [new("actionId", actionId.ToString()), new("note", "Supplier changed")]);
        Assert.DoesNotContain(number, Row(await production.GetAsync("/Complaints"), "MyAction"), StringComparison.Ordinal);
        Assert.Contains(number, Row(await quality.GetAsync("/Complaints"), "Verify"), StringComparison.Ordinal);

        await PostOnComplaintAsync("qstaff", id, "VerifyAction", [new("actionId", actionId.ToString())]);
        await PostOnComplaintAsync("qstaff", id, "Answer", [new("Text", "Fan replaced"), new("Channel", "Email"), new("AnsweredAt", "2026-11-23T08:58")]);
        var board = await quality.GetAsync("/Complaints");
        Assert.Contains(number, Row(board, "Close"), StringComparison.Ordinal);
        Assert.DoesNotContain(number, Row(board, "Answer"), StringComparison.Ordinal);
        Assert.Empty(Row(await (await _users.As("sales")).GetAsync("/Complaints"), "Close"));
    }

    [Fact]
    public async Task A_salesperson_sees_an_unfounded_return_of_their_customer_waiting_for_settlement()
    {
        var id = await LogWithFilesAsync("sales", "C-0001", "Customer returns a pump — settle test");
        var sales = await _users.As("sales");
        var registered = await sales.SubmitAsync($"/Complaints/Details/{id}",
            [new("ComplaintId", id.ToString()), new("Quantity", "1"), new("Unit", "台"), new("ReceivedAt", "2026-11-23T08:35"), new("Description", "1 pump")], "/Returns/Register");
        var returnId = registered.Location!.Split('/').Last();
        var quality = await _users.As("qstaff");
        await quality.PostAsync($"/Returns/Inspect/{returnId}", [new("Result", "Works as specified"), new("Founded", "false")], await quality.TokenFromAsync($"/Returns/Details/{returnId}"));

        var board = await sales.GetAsync("/Complaints");
        var settle = board.Document.QuerySelectorAll("#my-work tr.waiting-Settle a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/Returns/Details/{returnId}", settle);
    }
}

/// <summary>The quarterly reminder needs an app where no campaign exists yet.</summary>
public sealed class SurveyReminderTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_satisfaction_page_reminds_quality_until_a_campaign_is_opened_for_the_current_quarter()
    {
        var quality = await new ReviewDriver(app).As("quality");
        Assert.Contains("2026Q4", (await quality.GetAsync("/Surveys")).Document.QuerySelector("#quarter-reminder")!.TextContent, StringComparison.Ordinal);

        var customerId = await app.WithDbAsync(db => db.Customers.Where(c => c.Code == "C-0002").Select(c => c.Id).SingleAsync());
        var created = await quality.SubmitAsync("/Surveys/Create", [new("Name", "2026Q4"), new("Year", "2026"), new("Quarter", "4"), new("CustomerIds", customerId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);

        Assert.Null((await quality.GetAsync("/Surveys")).Document.QuerySelector("#quarter-reminder"));
    }
}
