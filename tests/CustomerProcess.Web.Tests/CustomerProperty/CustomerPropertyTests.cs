using System.Net;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Security;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace CustomerProcess.Web.Tests.CustomerProperty;

/// <summary>The customer property register (docs/process.md §8) through the real forms: receipt, incident report to the
/// customer, the customer's reply, return; the register's exports; and who may not open an item.</summary>
public sealed class CustomerPropertyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly ReviewDriver _users = new(app);

    private static KeyValuePair<string, string>[] Receipt(string customerCode, string description, string declared, string received) =>
    [
        new("CustomerCode", customerCode), new("Kind", "Material"), new("Description", description), new("Specification", "Q235B, 6 mm, GB/T 700"),
        new("DeclaredQuantity", declared), new("ReceivedQuantity", received), new("Unit", "张"), new("MatchesSpecification", "true"), new("ReceivedOn", "2026-11-23"),
    ];

    private async Task<Guid> ReceiveAsync(string user, string customerCode, string description, string declared = "100", string received = "100")
    {
        var client = await _users.As(user);
        var result = await client.SubmitAsync("/CustomerProperty/Create", Receipt(customerCode, description, declared, received));
        Assert.True(result.Status == HttpStatusCode.Redirect, result.ErrorText);
        return Guid.Parse(result.Location!.Split('/').Last());
    }

    private async Task<BrowserLikeClient.Page> PostAsync(string user, Guid id, string action, List<KeyValuePair<string, string>> fields)
    {
        var client = await _users.As(user);
        var token = await client.TokenFromAsync($"/CustomerProperty/Details/{id}");
        return await client.PostAsync($"/CustomerProperty/{action}/{id}", fields, token);
    }

    private Task<CustomerPropertyItem> LoadAsync(Guid id) =>
        app.WithDbAsync(db => db.CustomerPropertyItems.AsNoTracking().Include(p => p.Incidents).SingleAsync(p => p.Id == id));

    [Fact]
    public async Task A_quantity_mismatch_is_reported_to_the_customer_and_the_item_is_returned_after_the_reply()
    {
        var id = await ReceiveAsync("production", "C-0001", "客供钢板 / customer-supplied steel plate", declared: "100", received: "95");
        var item = await LoadAsync(id);
        Assert.Matches(@"^CP-2026-\d{4}$", item.Number);
        Assert.True(item.HasQuantityMismatch);
        var details = await (await _users.As("quality")).GetAsync($"/CustomerProperty/Details/{id}");
        Assert.NotNull(details.Document.QuerySelector("#quantity-mismatch"));

        // Accepting it without telling the customer is refused.
        var accept = await PostAsync("quality", id, "Inspect", [new("Passed", "true"), new("Result", "Plates fine"), new("StoragePlace", "B-3"), new("Custodian", "李娜")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, accept.Status);
        Assert.Contains("report it to the customer", accept.ErrorText, StringComparison.Ordinal);
        Assert.Equal(PropertyStatus.Received, (await LoadAsync(id)).Status);

        var reported = await PostAsync("quality", id, "ReportIncident", [new("Kind", "QuantityMismatch"), new("Description", "5 plates short of the delivery note.")]);
        Assert.Equal(HttpStatusCode.Redirect, reported.Status);
        item = await LoadAsync(id);
        Assert.Equal(PropertyStatus.OnHold, item.Status);
        var incident = Assert.Single(item.Incidents);
        Assert.Matches(@"^CPR-2026-\d{4}$", incident.Number);
        Assert.Null(incident.CustomerReply);

        // Returning before the customer has answered is refused.
        var early = await PostAsync("quality", id, "Return", [new("ReturnedOn", "2026-11-23"), new("Note", "Picked up")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.Status);

        // The salesperson who owns the customer records the reply.
        var reply = await PostAsync("sales", id, "Reply", [new("IncidentId", incident.Id.ToString()), new("Reply", "请退回全部钢板，我方补发整批。"), new("RepliedOn", "2026-11-23")]);
        Assert.Equal(HttpStatusCode.Redirect, reply.Status);
        var printed = await (await _users.As("quality")).GetAsync($"/CustomerProperty/Incident/{id}?report={incident.Id}");
        Assert.Contains("请退回全部钢板", printed.Document.QuerySelector("#incident-reply")!.TextContent, StringComparison.Ordinal);

        var returned = await PostAsync("quality", id, "Return", [new("ReturnedOn", "2026-11-23"), new("Note", "客户司机王师傅提走 / collected by the customer's driver")]);
        Assert.Equal(HttpStatusCode.Redirect, returned.Status);

        item = await LoadAsync(id);
        Assert.Equal(PropertyStatus.Returned, item.Status);
        Assert.Equal(new DateOnly(2026, 11, 23), item.ReturnedOn);
        Assert.Equal("请退回全部钢板，我方补发整批。", item.Incidents.Single().CustomerReply);
        var audited = await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "PropertyIncident" && a.EntityId == incident.Id.ToString() && a.Field == "CustomerReply"));
        Assert.True(audited);

        // The incident report as PDF in Chinese.
        var pdf = await (await _users.As("quality")).Http.GetAsync($"/CustomerProperty/IncidentPdf/{id}?report={incident.Id}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains(incident.Number, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_filters_by_status_and_exports_to_excel_and_pdf()
    {
        var stored = await ReceiveAsync("purchasing", "C-0002", "Customer gauge G-17");
        await PostAsync("quality", stored, "Inspect", [new("Passed", "true"), new("Result", "Calibrated 2026-10"), new("StoragePlace", "Gauge cabinet 2"), new("Custodian", "李娜")]);
        var received = await ReceiveAsync("purchasing", "C-0002", "Customer drawing set D-88");

        var quality = await _users.As("quality");
        var inStorage = await quality.GetAsync("/CustomerProperty?status=InStorage");
        var rows = inStorage.Document.QuerySelector("#property-register")!.TextContent;
        Assert.Contains("Customer gauge G-17", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("Customer drawing set D-88", rows, StringComparison.Ordinal);
        Assert.Equal(PropertyStatus.Received, (await LoadAsync(received)).Status);

        var excel = await quality.Http.GetAsync("/CustomerProperty/Export?status=InStorage");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await excel.Content.ReadAsByteArrayAsync())[..2]);

        var print = await quality.GetAsync("/CustomerProperty/Print?status=InStorage");
        Assert.Contains("Gauge cabinet 2", print.Document.QuerySelector("#register-sheet")!.TextContent, StringComparison.Ordinal);
        var pdf = await quality.Http.GetAsync("/CustomerProperty/RegisterPdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_user_who_may_not_read_the_customer_cannot_open_its_property_items_by_id()
    {
        var id = await ReceiveAsync("quality", "C-0003", "Customer sample S-5");
        var incident = await PostAsync("quality", id, "ReportIncident", [new("Kind", "Damage"), new("Description", "Crate broken on arrival.")]);
        Assert.Equal(HttpStatusCode.Redirect, incident.Status);
        var incidentId = (await LoadAsync(id)).Incidents.Single().Id;

        // Another salesperson (C-0003 belongs to the demo salesperson).
        var (attackerName, _) = await new CustomerOwnershipTests(app).CreateSalespersonAsync();
        using var attacker = app.CreateBrowserClient();
        await attacker.SignInAsync(attackerName);
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync($"/CustomerProperty/Details/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync($"/CustomerProperty/Incident/{id}?report={incidentId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync($"/CustomerProperty/IncidentPdf/{id}?report={incidentId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync($"/CustomerProperty/History/{id}")).Status);
        var token = await attacker.TokenFromAsync("/CustomerProperty");
        var reply = await attacker.PostAsync($"/CustomerProperty/Reply/{id}", [new("IncidentId", incidentId.ToString()), new("Reply", "Forged reply"), new("RepliedOn", "2026-11-23")], token);
        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.DoesNotContain("Customer sample S-5", (await attacker.GetAsync("/CustomerProperty")).Text, StringComparison.Ordinal);
        Assert.Null((await LoadAsync(id)).Incidents.Single().CustomerReply);

        // Another department's head does not open the register at all; an unknown id is 404 for quality.
        var technical = await _users.As("technical");
        Assert.Equal(HttpStatusCode.Forbidden, (await technical.GetAsync($"/CustomerProperty/Details/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _users.As("quality")).GetAsync($"/CustomerProperty/Details/{Guid.NewGuid()}")).Status);

        // The owner of the customer does see it.
        Assert.Equal(HttpStatusCode.OK, (await (await _users.As("sales")).GetAsync($"/CustomerProperty/Details/{id}")).Status);
    }
}
