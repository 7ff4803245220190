using System.Diagnostics;
using System.Net;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Retention;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Retention;

/// <summary>ADR 0041 (amended, issue #18 item 5): contracts, reviews, customer property and survey responses are disposed of
/// like complaints — requested by the quality head, approved by the GM, carried out; the row stays with its facts, its
/// texts are blanked, the audit rows written before stay as they were, and its pages say it was disposed of.</summary>
[Collection(AppCollection.Name)]
public sealed class RetentionOfEveryTypeTests(AppFactory app)
{
    private DateOnly Today => RetentionPolicy.ClosingDay(app.Clock.GetUtcNow().UtcDateTime);

    private DateOnly DueYesterday => Today.AddDays(-1).AddYears(-3);

    [Fact]
    public async Task A_closed_contract_past_its_period_is_disposed_its_texts_blanked_and_its_page_says_so()
    {
        var (contractId, number, _) = await SeedContractAsync(DueYesterday);
        var auditBefore = await AuditOfAsync(contractId);
        Assert.NotEmpty(auditBefore);

        var disposalId = await DisposeAsync(RetentionRecordType.Contracts, contractId, number);

        var stored = await app.WithDbAsync(db => db.Contracts.AsNoTracking().Include("_lines").SingleAsync(c => c.Id == contractId));
        Assert.Equal(disposalId, stored.DisposalId);
        Assert.Equal("", stored.ClosingReason);
        Assert.All(stored.AllLines, l => Assert.Equal("", l.Description));
        Assert.Equal(number, stored.Number);
        Assert.Equal(DueYesterday, stored.ClosedOn);
        Assert.True(stored.AmountMinor > 0);
        await AssertAuditKeptAsync(contractId, auditBefore, disposalId);

        using var gm = await SignedInAsync("gm");
        var page = await gm.GetAsync($"/Ledger/Details/{contractId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var notice = page.Document.QuerySelector("#contract-disposed")!;
        Assert.Contains("after its retention period", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Retention/Details/{disposalId}", notice.QuerySelector("a.disposal-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_contract_with_an_open_complaint_is_refused_with_a_message_and_nothing_is_stored()
    {
        var (contractId, number, customerId) = await SeedContractAsync(DueYesterday);
        var complaintNumber = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var complaint = new Complaint($"TS-C{Guid.NewGuid():N}"[..14].ToUpperInvariant(), customerId, ComplaintKind.Complaint, ComplaintChannel.Phone, ComplaintSeverity.Minor, "Still leaking", now.AddDays(-1), "seed", "Seed", now);
            complaint.Link(contractId, null, null);
            db.Complaints.Add(complaint);
            await db.SaveChangesAsync();
            return complaint.Number;
        });

        using var quality = await SignedInAsync("quality");
        var refused = await quality.SubmitAsync(
            "/Retention?type=Contracts&q=" + number, [new("RecordIds", contractId.ToString()), new("Reason", "Retention period over")], "/Retention/Submit");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains($"Record {number} cannot be disposed of while {complaintNumber} is still open.", refused.ErrorText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.DisposalItems.AnyAsync(i => i.RecordId == contractId)));
    }

    [Fact]
    public async Task A_review_whose_contract_is_still_open_is_refused_and_one_without_is_disposed_without_a_content_changed_alarm()
    {
        var (_, _, _, openReviewId, openOrderNumber) = await SeedReviewAsync(DueYesterday, withOpenContract: true);
        using var quality = await SignedInAsync("quality");
        var refused = await quality.SubmitAsync(
            "/Retention?type=Reviews&q=" + openOrderNumber, [new("RecordIds", openReviewId.ToString()), new("Reason", "Retention period over")], "/Retention/Submit");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains($"Record {openOrderNumber} cannot be disposed of while", refused.ErrorText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.DisposalItems.AnyAsync(i => i.RecordId == openReviewId)));

        var (_, _, _, reviewId, orderNumber) = await SeedReviewAsync(DueYesterday, withOpenContract: false);
        var auditBefore = await AuditOfAsync(reviewId);
        var disposalId = await DisposeAsync(RetentionRecordType.Reviews, reviewId, orderNumber);

        var stored = await app.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Signatures).SingleAsync(r => r.Id == reviewId));
        Assert.Equal(disposalId, stored.DisposalId);
        Assert.Equal("", stored.DecisionComment);
        Assert.All(stored.Signatures, s => Assert.Equal("", s.Comments));
        Assert.All(stored.Signatures, s => Assert.NotNull(s.ContentHash));
        await AssertAuditKeptAsync(reviewId, auditBefore, disposalId);

        using var gm = await SignedInAsync("gm");
        var page = await gm.GetAsync($"/Reviews/Details/{reviewId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#review-disposed"));
        Assert.Empty(page.Document.QuerySelectorAll(".content-changed"));
        Assert.Contains("disposed of after its retention period; not compared", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returned_customer_property_past_its_period_is_disposed_and_leaves_the_register()
    {
        var (itemId, number) = await SeedReturnedPropertyAsync(DueYesterday);
        var auditBefore = await AuditOfAsync(itemId);

        var disposalId = await DisposeAsync(RetentionRecordType.CustomerProperty, itemId, number);

        var stored = await app.WithDbAsync(db => db.CustomerPropertyItems.AsNoTracking().SingleAsync(p => p.Id == itemId));
        Assert.Equal(disposalId, stored.DisposalId);
        Assert.Equal("", stored.Description);
        Assert.Equal("", stored.ReturnNote);
        Assert.Equal(DueYesterday, stored.ReturnedOn);
        Assert.Equal(40m, stored.ReceivedQuantity);
        await AssertAuditKeptAsync(itemId, auditBefore, disposalId);

        using var quality = await SignedInAsync("quality");
        var list = await quality.GetAsync("/CustomerProperty?q=" + number);
        Assert.DoesNotContain(number, list.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var page = await quality.GetAsync($"/CustomerProperty/Details/{itemId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#property-disposed"));
    }

    [Fact]
    public async Task A_survey_response_past_its_period_is_disposed_its_scores_still_count_and_its_comment_reads_disposed()
    {
        var (campaignId, responseId, number) = await SeedSurveyResponseAsync(DueYesterday);
        var auditBefore = await AuditOfAsync(responseId);
        using var quality = await SignedInAsync("quality");
        var before = await quality.GetAsync($"/Surveys/Details/{campaignId}");
        Assert.Contains("paint peels", before.Text, StringComparison.Ordinal);

        var disposalId = await DisposeAsync(RetentionRecordType.Surveys, responseId, number);

        var stored = await app.WithDbAsync(db => db.SurveyResponses.AsNoTracking().SingleAsync(s => s.Id == responseId));
        Assert.Equal("", stored.Comments);
        Assert.Equal(1, stored.Quality);
        await AssertAuditKeptAsync(responseId, auditBefore, disposalId);
        var disposalNumber = await app.WithDbAsync(db => db.DisposalRecords.Where(d => d.Id == disposalId).Select(d => d.Number).SingleAsync());

        // The figures keep the response (the scores happened); where its comment stood, the list says disposed (XH-…).
        var after = await quality.GetAsync($"/Surveys/Details/{campaignId}");
        Assert.Equal(before.Document.QuerySelectorAll("td").Length, after.Document.QuerySelectorAll("td").Length);
        Assert.DoesNotContain("paint peels", after.Text, StringComparison.Ordinal);
        Assert.Contains($"disposed ({disposalNumber})", after.Text, StringComparison.Ordinal);
        var answered = await quality.GetAsync($"/Surveys/Answered/{responseId}");
        Assert.NotNull(answered.Document.QuerySelector("#response-disposed"));
    }

    [Theory]
    [InlineData(RetentionRecordType.Contracts)]
    [InlineData(RetentionRecordType.CustomerProperty)]
    [InlineData(RetentionRecordType.Surveys)]
    public async Task A_record_due_tomorrow_is_refused_with_a_message_and_nothing_is_stored(RetentionRecordType type)
    {
        var tomorrow = Today.AddDays(1).AddYears(-3);
        async Task<(Guid Id, string Number)> SeedAsync(DateOnly closedOn) => type switch
        {
            RetentionRecordType.Contracts => await SeedContractAsync(closedOn) is var c ? (c.Id, c.Number) : default,
            RetentionRecordType.CustomerProperty => await SeedReturnedPropertyAsync(closedOn),
            _ => await SeedSurveyResponseAsync(closedOn) is var s ? (s.ResponseId, s.Number) : default,
        };
        var (id, number) = await SeedAsync(tomorrow);
        var (_, dueNumber) = await SeedAsync(DueYesterday);
        using var quality = await SignedInAsync("quality");
        Assert.Null((await quality.GetAsync($"/Retention?type={type}&q={number}")).Document.QuerySelector($"#due-records tr[data-number='{number}']"));

        var refused = await quality.SubmitAsync(
            $"/Retention?type={type}&q={dueNumber}", [new("RecordIds", id.ToString()), new("Reason", "Retention period over")], "/Retention/Submit");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains($"Record {number} is kept until", refused.ErrorText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.DisposalItems.AnyAsync(i => i.RecordId == id)));
    }

    [Fact]
    public async Task A_salesperson_gets_403_on_every_retention_url()
    {
        var (itemId, _) = await SeedReturnedPropertyAsync(Today.AddYears(-5));
        using var sales = await SignedInAsync("sales");
        var token = await sales.TokenFromAsync("/");
        var someId = Guid.NewGuid();
        foreach (var type in Enum.GetValues<RetentionRecordType>())
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/Retention?type={type}")).Status);
        }

        foreach (var url in new[] { "/Retention/Register", $"/Retention/Details/{someId}", $"/Retention/Print/{someId}", $"/Retention/Pdf/{someId}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync(url)).Status);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsync("/Retention/Submit", [new("RecordType", "CustomerProperty"), new("RecordIds", itemId.ToString()), new("Reason", "x")], token)).Status);
        foreach (var action in new[] { "Approve", "Reject", "Execute" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsync($"/Retention/{action}/{someId}", [new("Note", "x")], token)).Status);
        }

        Assert.False(await app.WithDbAsync(db => db.DisposalItems.AnyAsync(i => i.RecordId == itemId)));
    }

    [Theory]
    [InlineData("zh-CN", "记录销毁审批表")]
    [InlineData("en", "Record disposal form")]
    public async Task The_disposal_record_PDF_holds_its_title_number_and_the_requesters_and_approvers_names(string culture, string title)
    {
        var (itemId, number) = await SeedReturnedPropertyAsync(DueYesterday);
        var disposalId = await DisposeAsync(RetentionRecordType.CustomerProperty, itemId, number);
        var disposal = await app.WithDbAsync(db => db.DisposalRecords.AsNoTracking().SingleAsync(d => d.Id == disposalId));

        using var gm = app.CreateBrowserClient(culture);
        await gm.SignInAsync("gm");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/Retention/Pdf/{disposalId}");
        request.Headers.AcceptLanguage.ParseAdd(culture);
        var response = await gm.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = await PdfTextAsync(await response.Content.ReadAsByteArrayAsync(), $"disposal-{culture}.pdf");

        Assert.Contains(Compact(title), text, StringComparison.Ordinal);
        Assert.Contains(disposal.Number, text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains(Compact("张质量 Zhang (Quality head)"), text, StringComparison.Ordinal);
        Assert.Contains(Compact("陈总 Chen (General manager)"), text, StringComparison.Ordinal);
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The PDF's text as pdftotext reads it, without white space (wrapped lines join); the file is kept under TestResults/pdf.</summary>
    private static async Task<string> PdfTextAsync(byte[] pdf, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", "pdf");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        await File.WriteAllBytesAsync(path, pdf);
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return Compact(text);
    }

    /// <summary>Request (quality head) → approve (GM) → carry out (quality head), through the pages; returns the disposal's id.</summary>
    private async Task<Guid> DisposeAsync(RetentionRecordType type, Guid id, string number)
    {
        using var quality = await SignedInAsync("quality");
        var due = await quality.GetAsync($"/Retention?type={type}&q={number}");
        Assert.NotNull(due.Document.QuerySelector($"#due-records tr[data-number='{number}']"));
        var requested = await quality.SubmitAsync($"/Retention?type={type}&q={number}", [new("RecordIds", id.ToString()), new("Reason", "Retention period over")], "/Retention/Submit");
        Assert.Equal(HttpStatusCode.Redirect, requested.Status);
        var disposalId = Guid.Parse(requested.Location!.Split('/').Last());
        using var gm = await SignedInAsync("gm");
        Assert.Equal(HttpStatusCode.Redirect, (await gm.SubmitAsync(requested.Location, [new("Note", "Agreed")], $"/Retention/Approve/{disposalId}")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await quality.SubmitAsync(requested.Location, [], $"/Retention/Execute/{disposalId}")).Status);
        var disposal = await app.WithDbAsync(db => db.DisposalRecords.AsNoTracking().Include(d => d.Items).SingleAsync(d => d.Id == disposalId));
        Assert.Equal(DisposalStatus.Executed, disposal.Status);
        Assert.Equal(type, disposal.RecordType);
        Assert.Equal(number, Assert.Single(disposal.Items).RecordNumber);
        Assert.Matches("^[0-9a-f]{64}$", disposal.ContentHash);
        Assert.Null((await quality.GetAsync($"/Retention?type={type}&q={number}")).Document.QuerySelector($"#due-records tr[data-number='{number}']"));
        return disposalId;
    }

    private async Task AssertAuditKeptAsync(Guid id, List<(long? Sequence, string? Hash, string Field, string? NewValue)> before, Guid disposalId)
    {
        var after = await AuditOfAsync(id);
        Assert.All(before, row => Assert.Contains(after, a => a == row));
        Assert.True(after.Count > before.Count);
        Assert.Contains(after, a => a.Field == "DisposalId" && a.NewValue == disposalId.ToString());
    }

    private Task<List<(long? Sequence, string? Hash, string Field, string? NewValue)>> AuditOfAsync(Guid id) =>
        app.WithDbAsync(async db => (await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString()).ToListAsync())
            .Select(a => (a.Sequence, a.Hash, a.Field, a.NewValue)).OrderBy(a => a.Sequence).ToList());

    private async Task<BrowserLikeClient> SignedInAsync(string user)
    {
        var client = app.CreateBrowserClient();
        await client.SignInAsync(user);
        return client;
    }

    private static DateTime TenAmChina(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    private static string UniqueNumber(string prefix) => (prefix + Guid.NewGuid().ToString("N"))[..14].ToUpperInvariant();

    private static async Task<(SalesOrder Order, Review Review)> OrderAndReviewAsync(AppDbContext db, Guid customerId, string salesId, DateTime at)
    {
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        var order = new SalesOrder(UniqueNumber("DD-R"), customer.Id, salesId, at);
        order.UpdateDraft(
            new OrderContent(OrderChannel.PurchaseOrder, ProductNovelty.Standard, false, false, false, false, "GB/T 3216", null, null, null, null, null, null, null, null),
            [new OrderLineData(null, "Pump", null, 2, "台", 1000m, DateOnly.FromDateTime(at).AddDays(30), null, null, null)]);
        order.Submit(at);
        var review = Review.Open(ReviewSubjectKind.SalesOrder, order.Id, ReviewPolicy.Standard.Decide(OrderFacts.From(order, customer.Class, false), ReviewThresholds.Default), ReviewThresholds.Default, order.ContentVersion, at);
        return (order, review);
    }

    private Task<(Guid Id, string Number, Guid CustomerId)> SeedContractAsync(DateOnly closedOn) =>
        app.WithDbAsync(async db =>
        {
            var at = TenAmChina(closedOn.AddDays(-60));
            var salesId = await db.Users.Where(u => u.UserName == "sales").Select(u => u.Id).FirstAsync();
            var customerId = await db.Customers.OrderBy(c => c.Code).Select(c => c.Id).FirstAsync();
            var (order, review) = await OrderAndReviewAsync(db, customerId, salesId, at);
            var contract = new Contract(UniqueNumber("HT-R"), order.Id, review.Id, customerId, order.TotalMinor, "CNY", closedOn.AddDays(-60), salesId, "Lin", null, at);
            Assert.True(contract.Open([new ContractLineData(1, null, "Pump 离心泵", "50 m³/h", 2m, "台", 1000m, closedOn.AddDays(-30), "Shanghai site", null)], 30, "Lin", at).Succeeded);
            Assert.True(contract.CloseManually("Customer stopped the project", closedOn).Succeeded);
            db.AddRange(order, review, contract);
            await db.SaveChangesAsync();
            return (contract.Id, contract.Number, customerId);
        });

    private Task<(Guid ContractId, string ContractNumber, Guid CustomerId, Guid ReviewId, string OrderNumber)> SeedReviewAsync(DateOnly decidedOn, bool withOpenContract) =>
        app.WithDbAsync(async db =>
        {
            var at = TenAmChina(decidedOn);
            var salesId = await db.Users.Where(u => u.UserName == "sales").Select(u => u.Id).FirstAsync();
            var customerId = await db.Customers.OrderBy(c => c.Code).Select(c => c.Id).FirstAsync();
            var (order, review) = await OrderAndReviewAsync(db, customerId, salesId, at.AddDays(-2));
            var section = review.Sections[0];
            var signed = review.Sign(section.DepartmentCode, salesId, "林销售 Lin", SectionConclusion.Accept, "Price agreed with Mr. Wang", [], order.ContentVersion, order.ContentVersion, at.AddDays(-1));
            Assert.True(signed.Succeeded);
            signed.Value!.BindContent(new string('a', 64));
            Assert.True(review.Withdraw("Lin", "Customer cancelled the order", at).Succeeded);
            db.AddRange(order, review);
            var contractId = Guid.Empty;
            var contractNumber = "";
            if (withOpenContract)
            {
                var contract = new Contract(UniqueNumber("HT-R"), order.Id, review.Id, customerId, order.TotalMinor, "CNY", decidedOn, salesId, "Lin", null, at);
                db.Add(contract);
                contractId = contract.Id;
                contractNumber = contract.Number;
            }

            await db.SaveChangesAsync();
            return (contractId, contractNumber, customerId, review.Id, order.Number);
        });

    private Task<(Guid Id, string Number)> SeedReturnedPropertyAsync(DateOnly returnedOn) =>
        app.WithDbAsync(async db =>
        {
            var customerId = await db.Customers.OrderBy(c => c.Code).Select(c => c.Id).FirstAsync();
            var receivedOn = returnedOn.AddDays(-20);
            var item = CustomerPropertyItem.Register(UniqueNumber("CP-R"), customerId, null, null, PropertyKind.Material, "Q235 steel plate from Mr. Li", "6 mm",
                40, 40, "pcs", true, receivedOn, "two pallets", "seed", "周仓库 Zhou", TenAmChina(receivedOn), receivedOn).Value!;
            Assert.True(item.Return(returnedOn, "Returned with delivery 7", "周仓库 Zhou", returnedOn).Succeeded);
            db.CustomerPropertyItems.Add(item);
            await db.SaveChangesAsync();
            return (item.Id, item.Number);
        });

    private Task<(Guid CampaignId, Guid ResponseId, string Number)> SeedSurveyResponseAsync(DateOnly submittedOn) =>
        app.WithDbAsync(async db =>
        {
            var customer = await db.Customers.OrderBy(c => c.Code).FirstAsync();
            var year = 1990 + Random.Shared.Next(0, 30);
            var campaign = new SurveyCampaign("Retention test " + Guid.NewGuid().ToString("N")[..6], year, Random.Shared.Next(1, 5), "Seed", TenAmChina(submittedOn).AddDays(-10));
            var response = new SurveyResponse(campaign.Id, customer.Id, ResponseSource.PaperForm,
                new Dictionary<SurveyDimension, int> { [SurveyDimension.Quality] = 1, [SurveyDimension.Delivery] = 4, [SurveyDimension.Service] = 5, [SurveyDimension.Price] = 3, [SurveyDimension.Communication] = 4 },
                "Mr. Wang says the paint peels", TenAmChina(submittedOn));
            db.AddRange(campaign, response);
            await db.SaveChangesAsync();
            return (campaign.Id, response.Id, $"{customer.Code}-{campaign.Year}Q{campaign.Quarter}");
        });
}
