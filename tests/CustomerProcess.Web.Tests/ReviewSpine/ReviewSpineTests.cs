using System.Net;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.ReviewSpine;

[Collection(AppCollection.Name)]
public sealed class ReviewSpineTests(AppFactory app)
{
    private static readonly string[] FullSix = ["Sales", "Quality", "Production", "Purchasing", "Technical", "Finance"];

    private readonly ReviewDriver _driver = new(app);

    private Task<Review> ReviewAsync(Guid id) => app.WithDbAsync(db => db.Reviews.AsNoTracking()
        .Include(r => r.Sections).Include(r => r.Signatures).Include(r => r.Discrepancies).AsSplitQuery().SingleAsync(r => r.Id == id));

    private Task<SalesOrder> OrderOfAsync(Review review) => app.WithDbAsync(db => db.SalesOrders.AsNoTracking().SingleAsync(o => o.Id == review.SubjectId));

    [Fact]
    public async Task A_1_200_000_order_from_a_new_customer_goes_to_a_review_meeting_with_every_department_and_the_GM()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.New);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 100, 12_000m));

        var review = await ReviewAsync(reviewId);
        Assert.Equal(ReviewLevel.ReviewMeeting, review.Level);
        Assert.True(review.RequiresGeneralManager);
        Assert.Equal(FullSix.Order(), review.Sections.Select(s => s.DepartmentCode).Order());

        var page = await _driver.ReviewPageAsync(reviewId);
        Assert.Contains("Review meeting", page.Document.QuerySelector("#review-header")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("amount 1,200,000 ≥ 1,000,000", page.Document.QuerySelector("#review-reasons")!.TextContent, StringComparison.Ordinal);

        await _driver.SignAllAsync(reviewId, FullSix);
        Assert.Equal(ReviewStatus.InProgress, (await ReviewAsync(reviewId)).Status); // the meeting is not recorded yet

        var meeting = await _driver.PostOnReviewAsync(reviewId, "salesmanager", "Meeting",
            [new("Date", "2026-11-20"), new("Attendees", "李经理, 张质量, 赵生产, 钱采购, 孙技术, 周财务"), new("Minutes", "同意接单 / Agreed")]);
        Assert.Equal(HttpStatusCode.Redirect, meeting.Status);
        review = await ReviewAsync(reviewId);
        Assert.Equal(ReviewStatus.AwaitingApproval, review.Status);
        Assert.Equal(OrderStatus.AwaitingApproval, (await OrderOfAsync(review)).Status);

        var approved = await _driver.PostOnReviewAsync(reviewId, "gm", "Approve", [new("Password", DemoData.Password), new("Comment", "同意")]);
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        review = await ReviewAsync(reviewId);
        Assert.Equal(ReviewStatus.Approved, review.Status);
        Assert.Contains(review.Signatures, s => s.Capacity == "GeneralManager" && s.Meaning == SignatureMeaning.Approved && s.SignerName.Contains("Chen", StringComparison.Ordinal));

        var contracts = await _driver.As("contracts");
        var order = await OrderOfAsync(review);
        var signed = await contracts.SubmitAsync($"/Orders/Details/{order.Id}", [new("signedOn", "2026-11-23"), new("customerContractNumber", "CUST-77")], $"/Orders/SignContract/{order.Id}");
        Assert.Equal(HttpStatusCode.Redirect, signed.Status);
        var contract = await app.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.OrderId == order.Id));
        Assert.Matches(@"^HT-2026-\d{4}$", contract.Number);
        Assert.Equal(120_000_000, contract.AmountMinor);
        Assert.Equal(OrderStatus.Contracted, (await OrderOfAsync(review)).Status);

        var ledger = await contracts.GetAsync("/Ledger?q=" + customer);
        Assert.Contains(contract.Number, ledger.Document.QuerySelector("#ledger")!.TextContent, StringComparison.Ordinal);
        var details = await contracts.FollowAsync(signed);
        Assert.Equal(7, details.Document.QuerySelectorAll("#ledger-signatures tbody tr").Length);
    }

    [Fact]
    public async Task A_150_000_standard_order_from_a_regular_customer_is_a_simplified_review_concluded_by_the_sales_manager()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 15_000m));

        var review = await ReviewAsync(reviewId);
        Assert.Equal(ReviewLevel.Simplified, review.Level);
        Assert.False(review.RequiresGeneralManager);
        Assert.Equal(["Production", "Sales"], review.Sections.Select(s => s.DepartmentCode).Order());

        await _driver.SignAllAsync(reviewId, ["Sales", "Production"]);
        var gm = await _driver.PostOnReviewAsync(reviewId, "gm", "Approve", [new("Password", DemoData.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, gm.Status);
        Assert.Equal(ReviewStatus.InProgress, (await ReviewAsync(reviewId)).Status); // the GM's approval is refused with a message

        var concluded = await _driver.PostOnReviewAsync(reviewId, "salesmanager", "Conclude", [new("Password", DemoData.Password), new("Comment", "OK")]);
        Assert.Equal(HttpStatusCode.Redirect, concluded.Status);
        review = await ReviewAsync(reviewId);
        Assert.Equal(ReviewStatus.Approved, review.Status);
        Assert.DoesNotContain(review.Signatures, s => s.Capacity == "GeneralManager");
        Assert.Equal(OrderStatus.Approved, (await OrderOfAsync(review)).Status);
    }

    [Fact]
    public async Task A_repeat_order_of_a_reviewed_product_for_a_regular_customer_routes_to_confirmation()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var first = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 5, 1_000m, productCode: "P-200"));
        await _driver.SignAllAsync(first, ["Sales", "Production"]);
        await _driver.PostOnReviewAsync(first, "salesmanager", "Conclude", [new("Password", DemoData.Password)]);
        var order = await OrderOfAsync(await ReviewAsync(first));
        var contracts = await _driver.As("contracts");
        await contracts.SubmitAsync($"/Orders/Details/{order.Id}", [new("signedOn", "2026-11-23")], $"/Orders/SignContract/{order.Id}");

        var repeat = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 50, 980m, productCode: "P-200"));

        var review = await ReviewAsync(repeat);
        Assert.Equal(ReviewLevel.Confirmation, review.Level);
        var page = await _driver.ReviewPageAsync(repeat);
        Assert.Contains("repeat order of reviewed products", page.Document.QuerySelector("#review-reasons")!.TextContent, StringComparison.Ordinal);

        var otherSpec = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 50, 980m, productCode: "P-200", specification: "DN80 PN25"));
        Assert.Equal(ReviewLevel.Simplified, (await ReviewAsync(otherSpec)).Level);
    }

    [Fact]
    public async Task An_oral_order_cannot_be_accepted_before_the_customer_confirms_it()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 5_000m, channel: "PhoneOral"));
        await _driver.SignAllAsync(reviewId, ["Sales", "Production"]);

        var refused = await _driver.PostOnReviewAsync(reviewId, "salesmanager", "Conclude", [new("Password", DemoData.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        var page = await (await _driver.As("salesmanager")).FollowAsync(refused);
        Assert.Contains("confirmation of this oral order is not recorded", page.Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.InProgress, (await ReviewAsync(reviewId)).Status);

        var order = await OrderOfAsync(await ReviewAsync(reviewId));
        var sales = await _driver.As("sales");
        var bol = await sales.SubmitAsync($"/Orders/Details/{order.Id}", [new("BillOfLadingReference", "TD-1")], $"/Orders/ConfirmOral/{order.Id}");
        Assert.Contains("only for orders under", (await sales.FollowAsync(bol)).Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);

        var confirmed = await sales.SubmitAsync($"/Orders/Details/{order.Id}",
            [new("ConfirmedBy", "刘先生"), new("Method", "Fax"), new("ConfirmedAt", "2026-11-23T09:30")], $"/Orders/ConfirmOral/{order.Id}");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal("刘先生", (await OrderOfAsync(await ReviewAsync(reviewId))).OralConfirmedBy);

        await _driver.PostOnReviewAsync(reviewId, "salesmanager", "Conclude", [new("Password", DemoData.Password)]);
        Assert.Equal(ReviewStatus.Approved, (await ReviewAsync(reviewId)).Status);
    }

    [Fact]
    public async Task A_discrepancy_blocks_the_conclusion_until_the_raising_reviewer_confirms_it()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));
        await _driver.SignAllAsync(reviewId, ["Sales"]);

        var raised = await _driver.PostOnReviewAsync(reviewId, "production", "Sections/Production/Discrepancies",
            [new("Clause", "交货期 Delivery date"), new("Description", "2027-03-31 is two weeks too early for our capacity")]);
        Assert.Equal(HttpStatusCode.Redirect, raised.Status);
        var discrepancy = Assert.Single((await ReviewAsync(reviewId)).Discrepancies);

        var signWhileOpen = await _driver.SignAsync(reviewId, "Production");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, signWhileOpen.Status);
        Assert.Contains("must be resolved and confirmed before you sign", signWhileOpen.ErrorText, StringComparison.Ordinal);

        var concludeEarly = await _driver.PostOnReviewAsync(reviewId, "salesmanager", "Conclude", [new("Password", DemoData.Password)]);
        Assert.Equal(ReviewStatus.InProgress, (await ReviewAsync(reviewId)).Status);
        Assert.Equal(HttpStatusCode.Redirect, concludeEarly.Status);

        var resolved = await _driver.PostOnReviewAsync(reviewId, "salesmanager", $"Discrepancies/{discrepancy.Id}/Resolve",
            [new("Resolution", "Customer accepts delivery on 2027-04-15"), new("Evidence", "Fax"), new("EvidenceReference", "FAX-2026-118")]);
        Assert.Equal(HttpStatusCode.Redirect, resolved.Status);

        var strangerConfirms = await _driver.PostOnReviewAsync(reviewId, "quality", $"Discrepancies/{discrepancy.Id}/Confirm", []);
        Assert.Equal(HttpStatusCode.Forbidden, strangerConfirms.Status);

        var confirmed = await _driver.PostOnReviewAsync(reviewId, "production", $"Discrepancies/{discrepancy.Id}/Confirm", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        await _driver.SignAllAsync(reviewId, ["Production"]);
        await _driver.PostOnReviewAsync(reviewId, "salesmanager", "Conclude", [new("Password", DemoData.Password)]);

        var review = await ReviewAsync(reviewId);
        Assert.Equal(ReviewStatus.Approved, review.Status);
        Assert.Equal(DiscrepancyStatus.Confirmed, review.Discrepancies.Single().Status);
        Assert.Equal("FAX-2026-118", review.Discrepancies.Single().EvidenceReference);
    }

    [Fact]
    public async Task A_resolution_that_changes_the_order_invalidates_the_signatures_and_a_stale_form_is_refused()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));
        var staleVersion = (await OrderOfAsync(await ReviewAsync(reviewId))).ContentVersion;
        await _driver.SignAllAsync(reviewId, ["Sales"]);
        await _driver.PostOnReviewAsync(reviewId, "production", "Sections/Production/Discrepancies", [new("Clause", "Packaging"), new("Description", "Wooden cases needed")]);
        var discrepancy = Assert.Single((await ReviewAsync(reviewId)).Discrepancies);

        await _driver.PostOnReviewAsync(reviewId, "salesmanager", $"Discrepancies/{discrepancy.Id}/Resolve",
            [new("Resolution", "Wooden cases at customer's cost"), new("Evidence", "Email"), new("ChangesContent", "true")]);

        var review = await ReviewAsync(reviewId);
        Assert.All(review.Sections, s => Assert.Equal(SectionStatus.Pending, s.Status));
        var kept = Assert.Single(review.Signatures);
        Assert.NotNull(kept.InvalidatedAtUtc);

        await _driver.PostOnReviewAsync(reviewId, "production", $"Discrepancies/{discrepancy.Id}/Confirm", []);
        var stale = await _driver.SignAsync(reviewId, "Sales", contentVersion: staleVersion);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status); // a stale form is a Conflict (issue #15): 409, the form again with the message
        Assert.Contains("The order changed after you opened the form", stale.ErrorText, StringComparison.Ordinal);
        Assert.Single((await ReviewAsync(reviewId)).Signatures);

        await _driver.SignAllAsync(reviewId, ["Sales", "Production"]);
        Assert.Equal(3, (await ReviewAsync(reviewId)).Signatures.Count);
    }

    [Fact]
    public async Task A_signature_posted_to_a_review_that_does_not_exist_is_404_and_writes_nothing()
    {
        var missing = Guid.CreateVersion7();
        var before = await app.WithDbAsync(db => db.ReviewSignatures.CountAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await _driver.SignAsync(missing, "Quality")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _driver.SignAsync(missing, "Quality", conclusion: "")).Status); // an invalid form too

        Assert.Equal(before, await app.WithDbAsync(db => db.ReviewSignatures.CountAsync()));
    }

    [Fact]
    public async Task The_production_head_gets_403_when_posting_a_signature_to_the_quality_section()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.New);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 30_000m));

        var forged = await _driver.SignAsync(reviewId, "Quality", userName: "production");

        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        var review = await ReviewAsync(reviewId);
        Assert.Empty(review.Signatures);
        Assert.Equal(SectionStatus.Pending, review.Sections.Single(s => s.DepartmentCode == "Quality").Status);
    }

    [Fact]
    public async Task A_salesperson_cannot_read_or_sign_a_review_of_another_salespersons_order()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.New);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 30_000m), salesUser: "salesmanager");
        var sales = await _driver.As("sales");

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/Reviews/{reviewId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/Reviews/{reviewId}/Pdf")).Status);
        var token = await sales.TokenFromAsync("/");
        var forged = await sales.PostAsync($"/Reviews/{reviewId}/Sections/Sales/Sign", [new("Conclusion", "Accept"), new("Password", DemoData.Password), new("ContentVersion", "2")], token);
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Empty((await ReviewAsync(reviewId)).Signatures);
    }

    [Fact]
    public async Task A_wrong_password_at_signing_records_nothing()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));

        var result = await _driver.SignAsync(reviewId, "Production", password: "not my password!", comments: "keep this comment");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Contains("The password is not correct. Nothing was signed.", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal("keep this comment", result.Document.QuerySelector("#comments-Production")!.TextContent);
        var review = await ReviewAsync(reviewId);
        Assert.Empty(review.Signatures);
        Assert.All(review.Sections, s => Assert.Equal(SectionStatus.Pending, s.Status));
    }

    [Fact]
    public async Task Eight_heads_signing_eight_sections_of_one_review_at_the_same_moment_all_persist()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.New);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 30_000m, nonStandardClauses: true, siteWork: true));
        var review = await ReviewAsync(reviewId);
        Assert.Equal(8, review.Sections.Count);
        foreach (var department in review.Sections.Select(s => s.DepartmentCode))
        {
            await _driver.As(ReviewDriver.Heads[department]); // sign in first, so the requests start together
        }

        var results = await Task.WhenAll(review.Sections.Select(s => _driver.SignAsync(reviewId, s.DepartmentCode)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        review = await ReviewAsync(reviewId);
        Assert.Equal(8, review.Signatures.Count(s => s.IsValid));
        Assert.All(review.Sections, s => Assert.Equal(SectionStatus.Signed, s.Status));
        Assert.Equal(ReviewStatus.AwaitingApproval, review.Status);
    }

    [Fact]
    public async Task Two_people_signing_the_same_section_at_once_produce_one_signature()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));
        await _driver.As("production");

        var results = await Task.WhenAll(_driver.SignAsync(reviewId, "Production"), _driver.SignAsync(reviewId, "Production"));

        Assert.Contains(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single((await ReviewAsync(reviewId)).Signatures);
    }

    [Fact]
    public async Task Contract_numbers_stay_unique_and_sequential_under_parallel_signing()
    {
        var orderIds = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var customer = await _driver.CustomerAsync(CustomerClass.Regular);
            var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 1, 1_000m + i));
            await _driver.SignAllAsync(reviewId, ["Sales", "Production"]);
            await _driver.PostOnReviewAsync(reviewId, "salesmanager", "Conclude", [new("Password", DemoData.Password)]);
            orderIds.Add((await OrderOfAsync(await ReviewAsync(reviewId))).Id);
        }

        var signers = new[] { "contracts", "salesmanager" };
        foreach (var s in signers)
        {
            await _driver.As(s);
        }

        var tokens = new Dictionary<string, string>();
        foreach (var s in signers)
        {
            tokens[s] = await (await _driver.As(s)).TokenFromAsync("/");
        }

        var results = await Task.WhenAll(orderIds.Select(async (id, i) =>
        {
            var who = signers[i % 2];
            return await (await _driver.As(who)).PostAsync($"/Orders/SignContract/{id}", [new("signedOn", "2027-01-05")], tokens[who]);
        }));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        var numbers = await app.WithDbAsync(db => db.Contracts.AsNoTracking().Where(c => orderIds.Contains(c.OrderId)).Select(c => c.Number).ToListAsync());
        Assert.Equal(6, numbers.Count);
        Assert.Equal(6, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.StartsWith("HT-2027-", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_section_ends_the_review_as_rejected_with_the_reason()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));
        await _driver.SignAllAsync(reviewId, ["Sales"]);

        var rejected = await _driver.SignAsync(reviewId, "Production", conclusion: "Reject", comments: "No capacity in Q1");
        Assert.Equal(HttpStatusCode.Redirect, rejected.Status);

        var review = await ReviewAsync(reviewId);
        Assert.Equal(ReviewStatus.Rejected, review.Status);
        Assert.Contains("No capacity in Q1", review.DecisionComment, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Rejected, (await OrderOfAsync(review)).Status);
    }

    [Fact]
    public async Task A_reject_without_a_reason_is_refused_with_a_message_and_nothing_is_signed()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));

        var result = await _driver.SignAsync(reviewId, "Production", conclusion: "Reject");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Contains("State the conditions or the reason", result.ErrorText, StringComparison.Ordinal);
        Assert.Empty((await ReviewAsync(reviewId)).Signatures);
    }

    [Fact]
    public async Task Sales_can_withdraw_before_conclusion_and_signing_afterwards_is_refused()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));
        var order = await OrderOfAsync(await ReviewAsync(reviewId));
        var sales = await _driver.As("sales");

        var withdrawn = await sales.SubmitAsync($"/Orders/Details/{order.Id}", [new("reason", "客户取消 / cancelled")], $"/Orders/Withdraw/{order.Id}");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);

        var sign = await _driver.SignAsync(reviewId, "Production", contentVersion: order.ContentVersion);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sign.Status);
        Assert.Contains("no longer open", sign.ErrorText, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Withdrawn, (await ReviewAsync(reviewId)).Status);
        Assert.Equal(OrderStatus.Withdrawn, (await OrderOfAsync(await ReviewAsync(reviewId))).Status);
    }

    [Fact]
    public async Task The_sales_manager_may_raise_the_level_and_the_new_departments_are_added()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));

        var salesTries = await _driver.PostOnReviewAsync(reviewId, "sales", "RaiseLevel", [new("level", "FullCountersign"), new("reason", "x")]);
        Assert.Equal(HttpStatusCode.Forbidden, salesTries.Status);

        var raised = await _driver.PostOnReviewAsync(reviewId, "salesmanager", "RaiseLevel", [new("level", "FullCountersign"), new("reason", "Penalty clause")]);
        Assert.Equal(HttpStatusCode.Redirect, raised.Status);
        var review = await ReviewAsync(reviewId);
        Assert.Equal(ReviewLevel.FullCountersign, review.Level);
        Assert.Equal(ReviewLevel.Simplified, review.RoutedLevel);
        Assert.Equal(6, review.Sections.Count);
        Assert.True(review.RequiresGeneralManager);

        var lower = await _driver.PostOnReviewAsync(reviewId, "salesmanager", "RaiseLevel", [new("level", "Simplified"), new("reason", "oops")]);
        Assert.Contains("only be raised", (await (await _driver.As("salesmanager")).FollowAsync(lower)).Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incomplete_order_is_refused_at_submission_with_clear_messages_and_kept_as_a_draft()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var form = ReviewDriver.OrderForm(customer, 10, 10_000m);
        form.RemoveAll(f => f.Key is "ExplicitRequirements" or "Lines[0].DeliveryDate");
        var sales = await _driver.As("sales");

        var result = await sales.SubmitAsync("/Orders/Create", form);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Contains("/Orders/Edit/", result.Location, StringComparison.Ordinal);
        var page = await sales.FollowAsync(result);
        Assert.Contains("not submitted", page.Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);
        var orderId = Guid.Parse(result.Location!.Split('/').Last());
        Assert.Equal(OrderStatus.Draft, (await app.WithDbAsync(db => db.SalesOrders.AsNoTracking().SingleAsync(o => o.Id == orderId))).Status);
        Assert.Equal("不锈钢法兰 Stainless flange", page.Document.QuerySelector("input[name='Lines[0].Description']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Changing_the_thresholds_applies_to_orders_submitted_afterwards_only()
    {
        var factory = app;
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var before = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 1, 150_000m));
        Assert.Equal(ReviewLevel.Simplified, (await ReviewAsync(before)).Level);

        var admin = await _driver.As("admin");
        var saved = await admin.SubmitAsync("/ReviewPolicy", [new("FullReviewAmount", "100000"), new("ReviewMeetingAmount", "1000000"), new("BillOfLadingAmount", "10000")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        try
        {
            var after = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 1, 150_000m));
            Assert.Equal(ReviewLevel.FullCountersign, (await ReviewAsync(after)).Level);
            var old = await ReviewAsync(before);
            Assert.Equal(ReviewLevel.Simplified, old.Level);
            Assert.Equal(200_000m, old.FullReviewAmount);
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ReviewPolicySetting" && a.Field == "FullReviewAmount" && a.NewValue == "100000.00")));
        }
        finally
        {
            await admin.SubmitAsync("/ReviewPolicy", [new("FullReviewAmount", "200000"), new("ReviewMeetingAmount", "1000000"), new("BillOfLadingAmount", "10000")]);
        }

        var invalid = await admin.SubmitAsync("/ReviewPolicy", [new("FullReviewAmount", "500000"), new("ReviewMeetingAmount", "400000"), new("BillOfLadingAmount", "10000")]);
        Assert.Equal(HttpStatusCode.OK, invalid.Status);
        Assert.Contains("must be above the full-review threshold", invalid.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_signature_and_state_change_is_in_the_history()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 10_000m));
        await _driver.SignAllAsync(reviewId, ["Sales", "Production"]);

        var history = await (await _driver.As("salesmanager")).GetAsync($"/Reviews/{reviewId}/History");

        Assert.Equal(HttpStatusCode.OK, history.Status);
        var text = history.Document.QuerySelector("#history")!.TextContent;
        Assert.Contains("Signer", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SignerName", text, StringComparison.Ordinal); // a label, not the field's name (issue #18 item 2)
        Assert.Contains("Zhao", text, StringComparison.Ordinal);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ReviewSection" && a.Field == "Status" && a.NewValue == "Signed").CountAsync());
        Assert.True(audited >= 2);
    }

    [Fact]
    public async Task The_queue_shows_each_head_the_sections_waiting_for_them()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.New);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 30_000m));
        var number = (await OrderOfAsync(await ReviewAsync(reviewId))).Number;

        var finance = await (await _driver.As("finance")).GetAsync("/Queue");
        Assert.Contains(number, finance.Document.QuerySelector("#queue-sign")!.TextContent, StringComparison.Ordinal);
        await _driver.SignAsync(reviewId, "Finance");
        var after = await (await _driver.As("finance")).GetAsync("/Queue");
        Assert.DoesNotContain(number, after.Document.QuerySelector("#queue-sign")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_records_the_section_status_in_the_audit_but_not_its_derived_waiting_time()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.New);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 30_000m));
        var section = await app.WithDbAsync(db => db.ReviewSections.AsNoTracking().SingleAsync(s => s.ReviewId == reviewId && s.DepartmentCode == "Finance"));
        Assert.NotNull(section.WaitingSinceUtc);

        await _driver.SignAsync(reviewId, "Finance");

        var fields = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ReviewSection" && a.EntityId == section.Id.ToString()).Select(a => a.Field).ToListAsync());
        Assert.Contains("Status", fields);
        Assert.DoesNotContain("WaitingSinceUtc", fields);
        Assert.Null(await app.WithDbAsync(db => db.ReviewSections.Where(s => s.Id == section.Id).Select(s => s.WaitingSinceUtc).SingleAsync()));
    }
}
