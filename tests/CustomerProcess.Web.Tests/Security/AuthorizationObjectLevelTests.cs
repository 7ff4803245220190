using System.Net;
using System.Net.Http.Headers;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>
/// Object-level checks of issue #21 ("by changing an id in the URL"): the role is right, the record is someone
/// else's. Each case expects 403 or 404 and checks that the record did not change.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class AuthorizationObjectLevelTests(RouteMatrixFixture fixture)
{
    private const string Owner = "sales";
    private const string Other = RouteMatrixFixture.SecondSalesperson;

    private static KeyValuePair<string, string>[] CustomerForm(string code, string name) =>
    [
        new("Code", code), new("Name", name), new("Class", "New"), new("Address", "上海市浦东新区张江路 1 号"),
        new("TaxNumber", "91310000MA1FL0001X"), new("BankName", "中国银行上海分行"), new("BankAccount", "3567 0000 2222"),
        new("PaymentTerms", "月结 30 天"), new("PaymentTermDays", "30"), new("CreditLimit", "300000"), new("CreditRating", "B"),
        new("ContactName", "陈女士"), new("ContactPhone", "+86 21 8888 0000"), new("ContactEmail", "chen@example.cn"),
    ];

    private static void AssertRefused(BrowserLikeClient.Page page, string what) =>
        Assert.True(page.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{what}: expected 403 or 404, got {(int)page.Status} {page.Location}");

    /// <summary>A fresh customer created by the first salesperson, who owns it.</summary>
    private async Task<(Guid Id, string Code)> OwnCustomerAsync()
    {
        var owner = await fixture.AsAsync(Owner);
        var code = "AZ-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await owner.SubmitAsync("/Customers/Create", CustomerForm(code, "Owner's customer " + code));
        Assert.True(created.Status == HttpStatusCode.Redirect, "Customer not created: " + created.ErrorText);
        var id = Guid.Parse(created.Location!.Split('/').Last());
        var ownerId = await fixture.UserIdAsync(Owner);
        Assert.Equal(ownerId, await fixture.App.WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.OwnerUserId).SingleAsync()));
        return (id, code);
    }

    /// <summary>A complaint on the first salesperson's customer, logged by quality staff.</summary>
    private async Task<Guid> ComplaintAsync(string customerCode)
    {
        var qstaff = await fixture.AsAsync("qstaff");
        var result = await qstaff.SubmitAsync("/Complaints/Create",
            [new("CustomerCode", customerCode), new("Kind", "Complaint"), new("Channel", "Letter"), new("Severity", "Minor"), new("Description", "Scratches"), new("ReceivedAt", "2026-11-23T08:30")]);
        Assert.True(result.Status == HttpStatusCode.Redirect, "Complaint not logged: " + result.ErrorText);
        return Guid.Parse(result.Location!.Split('/').Last());
    }

    private static async Task<HttpResponseMessage> UploadAsync(BrowserLikeClient client, string pageUrl, AttachmentOwner owner, Guid ownerId, string fileName, byte[] bytes)
    {
        var token = await client.TokenFromAsync("/");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(owner.ToString()), "ownerType" },
            { new StringContent(ownerId.ToString()), "ownerId" },
            { new StringContent(pageUrl), "returnUrl" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Attachments/Upload") { Content = content };
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_second_salesperson_cannot_edit_the_customer_of_another_salesperson()
    {
        var (id, code) = await OwnCustomerAsync();
        var other = await fixture.AsAsync(Other);

        AssertRefused(await other.GetAsync($"/Customers/Edit/{id}"), "GET /Customers/Edit as sales2");
        var token = await other.TokenFromAsync("/");
        AssertRefused(await other.PostAsync($"/Customers/Edit/{id}", CustomerForm(code, "Taken over by sales2"), token), "POST /Customers/Edit as sales2");

        Assert.Equal("Owner's customer " + code, await fixture.App.WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_second_salesperson_cannot_deactivate_or_add_contacts_to_the_customer_of_another_salesperson()
    {
        var (id, _) = await OwnCustomerAsync();
        var other = await fixture.AsAsync(Other);
        var token = await other.TokenFromAsync("/");
        var contactsBefore = await fixture.App.WithDbAsync(db => db.Customers.AsNoTracking().Include(c => c.Contacts).Where(c => c.Id == id).Select(c => c.Contacts.Count).SingleAsync());

        AssertRefused(await other.GetAsync($"/Customers/Deactivate/{id}"), "GET /Customers/Deactivate as sales2");
        AssertRefused(await other.PostAsync($"/Customers/Deactivate/{id}", [new("Reason", "taken over by sales2")], token), "POST /Customers/Deactivate as sales2");
        AssertRefused(await other.PostAsync($"/Customers/AddContact/{id}", [new("NewContact.Name", "Mallory"), new("NewContact.Phone", "+86 21 0000 0000")], token), "POST /Customers/AddContact as sales2");

        var customer = await fixture.App.WithDbAsync(db => db.Customers.AsNoTracking().Include(c => c.Contacts).SingleAsync(c => c.Id == id));
        Assert.Equal(Domain.Customers.CustomerStatus.Active, customer.Status);
        Assert.Equal(contactsBefore, customer.Contacts.Count);
    }

    [Fact]
    public async Task A_second_salesperson_can_neither_read_nor_log_talks_nor_request_changes_on_the_contract_of_another()
    {
        var (_, code) = await OwnCustomerAsync();
        var tracking = new Tracking.TrackingDriver(fixture.App);
        var contract = await tracking.SignedContractAsync(code, Domain.Customers.CustomerClass.New);
        var other = await fixture.AsAsync(Other);
        var token = await other.TokenFromAsync("/");

        AssertRefused(await other.GetAsync($"/Ledger/Details/{contract.Id}"), "GET /Ledger/Details as sales2");
        AssertRefused(await other.GetAsync($"/Ledger/History/{contract.Id}"), "GET /Ledger/History as sales2");
        AssertRefused(await other.GetAsync($"/Changes/New?contractId={contract.Id}"), "GET /Changes/New as sales2");
        AssertRefused(await other.PostAsync($"/Contracts/{contract.Id}/Communications",
            [new("OccurredAt", "2026-11-23T10:15"), new("Channel", "Phone"), new("CustomerContact", "x"), new("Summary", "forged by sales2")], token), "POST /Contracts/{id}/Communications as sales2");
        AssertRefused(await other.PostAsync("/Changes/New",
            [new("ContractId", contract.Id.ToString()), new("Kind", "Quantity"), new("RequestedBy", "Customer"), new("RequesterName", "x"), new("What", "x"), new("Why", "x"), new("CustomerConfirmation", "x")], token), "POST /Changes/New as sales2");

        Assert.Empty(await fixture.App.WithDbAsync(db => db.ContractChanges.Where(c => c.ContractId == contract.Id).ToListAsync()));
        Assert.Empty(await fixture.App.WithDbAsync(db => db.CommunicationEntries.Where(c => c.ContractId == contract.Id).ToListAsync()));
        Assert.Equal(HttpStatusCode.OK, (await (await fixture.AsAsync(Owner)).GetAsync($"/Ledger/Details/{contract.Id}")).Status);
    }

    [Fact]
    public async Task A_department_head_cannot_revoke_the_delegation_another_head_gave()
    {
        var quality = await fixture.AsAsync("quality");
        var qstaffId = await fixture.UserIdAsync("qstaff");
        var delegated = await quality.SubmitAsync("/Delegations",
            [new("DepartmentCode", "Quality"), new("ToUserId", qstaffId), new("StartsOn", "2026-12-24"), new("EndsOn", "2026-12-26"), new("Note", "matrix probe")]);
        Assert.Equal(HttpStatusCode.Redirect, delegated.Status);
        var id = await fixture.App.WithDbAsync(db => db.DepartmentDelegations.Where(d => d.Note == "matrix probe").Select(d => d.Id).SingleAsync());
        var production = await fixture.AsAsync("production");

        AssertRefused(await production.PostAsync($"/Delegations/Revoke/{id}", [], await production.TokenFromAsync("/Delegations")), "POST /Delegations/Revoke as the production head");

        Assert.False(await fixture.App.WithDbAsync(db => db.DepartmentDelegations.Where(d => d.Id == id).Select(d => d.IsRevoked).SingleAsync()));
        var revoked = await quality.PostAsync($"/Delegations/Revoke/{id}", [], await quality.TokenFromAsync("/Delegations"));
        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
    }

    [Fact]
    public async Task A_second_salesperson_can_neither_open_nor_change_nor_submit_the_order_draft_of_another()
    {
        var (_, code) = await OwnCustomerAsync();
        var owner = await fixture.AsAsync(Owner);
        var saved = await owner.SubmitAsync("/Orders/Create", ReviewDriver.OrderForm(code, 2, 1_000m, command: "save"));
        Assert.True(saved.Status == HttpStatusCode.Redirect, "Draft not saved: " + saved.ErrorText);
        var id = Guid.Parse(saved.Location!.Split('/').Last());
        var other = await fixture.AsAsync(Other);
        var token = await other.TokenFromAsync("/");

        AssertRefused(await other.GetAsync($"/Orders/Details/{id}"), "GET /Orders/Details as sales2");
        AssertRefused(await other.GetAsync($"/Orders/History/{id}"), "GET /Orders/History as sales2");
        AssertRefused(await other.GetAsync($"/Orders/Edit/{id}"), "GET /Orders/Edit as sales2");
        AssertRefused(await other.PostAsync($"/Orders/Edit/{id}", ReviewDriver.OrderForm(code, 999, 1m, command: "save"), token), "POST /Orders/Edit as sales2");
        AssertRefused(await other.PostAsync($"/Orders/Submit/{id}", [], token), "POST /Orders/Submit as sales2");
        AssertRefused(await other.PostAsync($"/Orders/Withdraw/{id}", [new("reason", "not mine")], token), "POST /Orders/Withdraw as sales2");

        var order = await fixture.App.WithDbAsync(db => db.SalesOrders.AsNoTracking().Include("_lines").SingleAsync(o => o.Id == id));
        Assert.Equal(OrderStatus.Draft, order.Status);
        Assert.Equal(2m, Assert.Single(order.Lines).Quantity);
        Assert.Empty(await fixture.App.WithDbAsync(db => db.Reviews.Where(r => r.SubjectId == id).ToListAsync()));
    }

    [Fact]
    public async Task A_second_salesperson_cannot_read_or_attach_to_a_complaint_of_another_salespersons_customer()
    {
        var (_, code) = await OwnCustomerAsync();
        var id = await ComplaintAsync(code);
        var other = await fixture.AsAsync(Other);

        AssertRefused(await other.GetAsync($"/Complaints/Details/{id}"), "GET /Complaints/Details as sales2");
        AssertRefused(await other.GetAsync($"/Complaints/Sheet/{id}"), "GET /Complaints/Sheet as sales2");
        AssertRefused(await other.GetAsync($"/Complaints/SheetPdf/{id}"), "GET /Complaints/SheetPdf as sales2");
        AssertRefused(await other.GetAsync($"/Complaints/History/{id}"), "GET /Complaints/History as sales2");
        using var upload = await UploadAsync(other, "/", AttachmentOwner.Complaint, id, "evil.pdf", [0x25, 0x50, 0x44, 0x46]);
        Assert.True(upload.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"POST /Attachments/Upload as sales2: got {(int)upload.StatusCode}");

        Assert.Empty(await fixture.App.WithDbAsync(db => db.Attachments.Where(a => a.OwnerId == id).ToListAsync()));
        // the owner of the customer does see it: the refusal above is about the record, not the role
        Assert.Equal(HttpStatusCode.OK, (await (await fixture.AsAsync(Owner)).GetAsync($"/Complaints/Details/{id}")).Status);
    }

    [Fact]
    public async Task A_second_salesperson_cannot_download_a_file_of_a_complaint_of_another_salespersons_customer()
    {
        var (_, code) = await OwnCustomerAsync();
        var complaintId = await ComplaintAsync(code);
        var qstaff = await fixture.AsAsync("qstaff");
        using var uploaded = await UploadAsync(qstaff, "/", AttachmentOwner.Complaint, complaintId, "photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var attachmentId = await fixture.App.WithDbAsync(db => db.Attachments.Where(a => a.OwnerId == complaintId).Select(a => a.Id).SingleAsync());

        using var stolen = await (await fixture.AsAsync(Other)).Http.GetAsync($"/Attachments/Download/{attachmentId}");
        using var own = await (await fixture.AsAsync(Owner)).Http.GetAsync($"/Attachments/Download/{attachmentId}");

        Assert.True(stolen.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"GET /Attachments/Download as sales2: got {(int)stolen.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_second_salesperson_finds_none_of_the_first_ones_records_in_the_lists_and_the_ledger_export()
    {
        var records = fixture.Records;
        var contractNumber = await fixture.App.WithDbAsync(db => db.Contracts.Where(c => c.Id == records.ContractId).Select(c => c.Number).SingleAsync());
        var orderNumbers = await fixture.App.WithDbAsync(db => db.SalesOrders.Where(o => o.Id == records.SalesDraftOrderId || o.Id == records.ContractOrderId).Select(o => o.Number).ToListAsync());
        var complaintNumber = await fixture.App.WithDbAsync(db => db.Complaints.Where(c => c.Id == records.SalesComplaintId).Select(c => c.Number).SingleAsync());
        var other = await fixture.AsAsync(Other);
        var owner = await fixture.AsAsync(Owner);

        foreach (var (url, numbers) in new[] { ("/Orders/Index", orderNumbers), ("/Complaints/Index", [complaintNumber]), ("/Ledger/Index", [contractNumber]) })
        {
            var seenByOther = (await other.GetAsync(url)).Text;
            var seenByOwner = (await owner.GetAsync(url)).Text;
            foreach (var number in numbers)
            {
                Assert.True(seenByOwner.Contains(number, StringComparison.Ordinal), $"{url}: the owner does not see {number}, so the check below proves nothing");
                Assert.False(seenByOther.Contains(number, StringComparison.Ordinal), $"{url}: sales2 sees {number} of another salesperson");
            }
        }

        using var export = await other.Http.GetAsync("/Ledger/Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var cells = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString() ?? "");
        Assert.DoesNotContain(contractNumber, cells);
    }

    [Fact]
    public async Task A_department_head_can_neither_sign_nor_raise_a_discrepancy_in_another_departments_section()
    {
        var (_, code) = await OwnCustomerAsync();
        var drive = new ReviewDriver(fixture.App);
        var reviewId = await drive.SubmitOrderAsync(ReviewDriver.OrderForm(code, 10, 10_000m));
        var sections = await fixture.App.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Sections).Where(r => r.Id == reviewId).SelectMany(r => r.Sections).Select(s => s.DepartmentCode).ToListAsync());
        var target = sections.First(d => d != "Production");
        var production = await fixture.AsAsync("production");
        var token = await production.TokenFromAsync($"/Reviews/{reviewId}");
        var version = (await production.GetAsync($"/Reviews/{reviewId}")).Document.QuerySelector("input[name=ContentVersion]")?.GetAttribute("value") ?? "1";

        var signed = await production.PostAsync($"/Reviews/{reviewId}/Sections/{target}/Sign",
            [new("Conclusion", "Accept"), new("Password", DemoData.Password), new("ContentVersion", version), new("Comments", "signed by production")], token);
        var raised = await production.PostAsync($"/Reviews/{reviewId}/Sections/{target}/Discrepancies",
            [new("Clause", "1"), new("Description", "raised by production")], token);

        AssertRefused(signed, $"POST Sign of the {target} section as the production head");
        AssertRefused(raised, $"POST Discrepancies of the {target} section as the production head");
        var section = await fixture.App.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Sections).Where(r => r.Id == reviewId).SelectMany(r => r.Sections).SingleAsync(s => s.DepartmentCode == target));
        Assert.Equal(SectionStatus.Pending, section.Status);
        Assert.Null(section.Conclusion);
        Assert.Empty(await fixture.App.WithDbAsync(db => db.Discrepancies.Where(d => d.ReviewId == reviewId).ToListAsync()));
    }
}
