using System.Net;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Tenders;

/// <summary>Registering an invitation, clarifications with the tendering party, and who reads and changes a tender.</summary>
[Collection(AppCollection.Name)]
public sealed class TenderAccessTests(AppFactory app)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n% invitation to tender\n%%EOF\n"u8.ToArray();

    private readonly TenderDriver _driver = new(app);

    [Fact]
    public async Task Sales_registers_an_invitation_with_its_documents_and_sees_the_route_of_its_go_no_go_review()
    {
        var customer = await _driver.Users.CustomerAsync(CustomerClass.Regular);

        var id = await _driver.RegisterAsync("sales", customer, 2_500_000m, Pdf);

        var page = await (await _driver.As("sales")).GetAsync($"/Tenders/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Invitation registered", page.Document.QuerySelector("#tender-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("reviewed inside the business unit", page.Document.QuerySelector("#go-no-go")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("招标文件.pdf", page.Document.QuerySelector("#tender-documents")!.TextContent, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Tenders.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(TenderStatus.Registered, stored.Status);
        Assert.Equal(2_500_000m, stored.EstimatedAmount);
        Assert.StartsWith("TB-2026-", stored.Number, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.OwnerType == AttachmentOwner.Tender && a.OwnerId == id)));
    }

    [Fact]
    public async Task A_clarification_is_recorded_with_the_question_the_answer_and_its_evidence()
    {
        var customer = await _driver.Users.CustomerAsync(CustomerClass.Regular);
        var id = await _driver.RegisterAsync("sales", customer, 800_000m);

        var asked = await _driver.PostAsync("sales", id, "Ask", [new("Question", "交货地点是工地还是出厂？ Delivery on site or ex works?")]);
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var clarification = await app.WithDbAsync(db => db.TenderClarifications.AsNoTracking().SingleAsync(c => c.TenderId == id));
        Assert.True(clarification.IsOpen);
        var number = await app.WithDbAsync(db => db.Tenders.Where(t => t.Id == id).Select(t => t.Number).SingleAsync());
        var queue = await (await _driver.As("sales")).GetAsync("/Queue");
        Assert.Contains(number, queue.Document.QuerySelector("#queue-tender-clarify")?.TextContent ?? "", StringComparison.Ordinal);

        var answered = await _driver.PostAsync("sales", id, "Answer",
            [new("ClarificationId", clarification.Id.ToString()), new("Answer", "工地交货 On site"), new("Evidence", "Email"), new("EvidenceReference", "mail 2026-11-22")]);
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);

        var stored = await app.WithDbAsync(db => db.TenderClarifications.AsNoTracking().SingleAsync(c => c.Id == clarification.Id));
        Assert.Equal("工地交货 On site", stored.Answer);
        Assert.Equal(EvidenceType.Email, stored.EvidenceType);
        Assert.Equal("mail 2026-11-22", stored.EvidenceReference);
        Assert.NotNull(stored.AnsweredAtUtc);
        var page = await (await _driver.As("sales")).GetAsync($"/Tenders/Details/{id}");
        Assert.Contains("工地交货 On site", page.Document.QuerySelector("#clarification-1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_salesperson_can_neither_read_nor_change_a_tender_by_its_id()
    {
        var customer = await _driver.Users.CustomerAsync(CustomerClass.Regular);
        var id = await _driver.RegisterAsync("sales", customer, 800_000m);
        var other = await _driver.OtherSalespersonAsync();
        var client = await _driver.As(other);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Tenders/Details/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Tenders/History/{id}")).Status);
        var list = await client.GetAsync("/Tenders?q=" + customer);
        Assert.DoesNotContain(id.ToString(), list.Html, StringComparison.Ordinal);
        var posted = await client.PostAsync($"/Tenders/Ask/{id}", [new("Question", "mine now?")], await client.TokenFromAsync("/Tenders"));
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.TenderClarifications.CountAsync(c => c.TenderId == id)));

        // The sales manager reads and works on every tender; a reviewing department head reads but does not change it.
        Assert.Equal(HttpStatusCode.OK, (await (await _driver.As("salesmanager")).GetAsync($"/Tenders/Details/{id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await (await _driver.As("technical")).GetAsync($"/Tenders/Details/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _driver.PostAsync("technical", id, "Ask", [new("Question", "x")])).Status);
    }

    [Fact]
    public async Task A_second_post_of_the_same_invitation_form_registers_one_tender()
    {
        var customer = await _driver.Users.CustomerAsync(CustomerClass.Regular);
        var client = await _driver.As("sales");
        var page = await client.GetAsync("/Tenders/Create");
        var form = page.FormFor(null);
        var fields = TenderDriver.InvitationForm(customer, 100_000m);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var formToken = form.QuerySelector("input[name=FormToken]")!.GetAttribute("value")!;
        fields.Add(new("FormToken", formToken));

        var first = await client.PostAsync("/Tenders/Create", fields, token);
        var second = await client.PostAsync("/Tenders/Create", fields, token);

        Assert.Equal(first.Location, second.Location);
        Assert.Equal(1, await app.WithDbAsync(db => db.Tenders.CountAsync(t => db.Customers.Any(c => c.Id == t.CustomerId && c.Code == customer))));
    }
}
