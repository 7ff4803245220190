using System.Net;
using CustomerProcess.Domain.SpecialRequirements;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Security;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.SpecialRequirements;

/// <summary>Special-requirement cases (docs/process.md §10): the owner's reminders before the due date, steps, reports,
/// and who may not open a case. Own app: one test moves the clock.</summary>
public sealed class SpecialRequirementTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly ReviewDriver _users = new(app);

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));

    private async Task<string> UserIdAsync(string userName) => await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private async Task<Guid> OpenAsync(string user, string title, DateOnly due, string ownerUserName, string priority = "High", string customerCode = "C-0001")
    {
        var client = await _users.As(user);
        var result = await client.SubmitAsync("/SpecialRequirements/Create",
        [
            new("Source", "Customer"), new("CustomerCode", customerCode), new("Title", title), new("Description", "每批附 96 小时盐雾试验报告 / a 96 h salt-spray report with each lot"),
            new("Priority", priority), new("DueOn", due.ToString("yyyy-MM-dd")), new("OwnerUserId", await UserIdAsync(ownerUserName)),
        ]);
        Assert.True(result.Status == HttpStatusCode.Redirect, result.ErrorText);
        return Guid.Parse(result.Location!.Split('/').Last());
    }

    private async Task<BrowserLikeClient.Page> StepAsync(string user, Guid id, string note, string? moveTo)
    {
        var client = await _users.As(user);
        return await client.SubmitAsync($"/SpecialRequirements/Details/{id}", [new("Note", note), new("MoveTo", moveTo ?? "")], $"/SpecialRequirements/Step/{id}");
    }

    [Fact]
    public async Task A_case_due_in_two_days_appears_in_its_owners_reminders_and_on_the_home_page()
    {
        var soon = await OpenAsync("salesmanager", "Salt-spray report due soon", Today.AddDays(2), "sales");
        var later = await OpenAsync("salesmanager", "Packing list in English later", Today.AddDays(10), "sales", "Low");
        var number = await app.WithDbAsync(db => db.SpecialRequirementCases.Where(c => c.Id == soon).Select(c => c.Number).SingleAsync());
        Assert.Matches(@"^TSYQ-2026-\d{4}$", number);

        var sales = await _users.As("sales");
        var mine = await sales.GetAsync("/SpecialRequirements/Mine");
        Assert.Contains(number, mine.Document.QuerySelector("#due-soon-cases")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Packing list in English later", mine.Document.QuerySelector("#due-soon-cases")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Packing list in English later", mine.Document.QuerySelector("#later-cases")!.TextContent, StringComparison.Ordinal);
        var salesId = await UserIdAsync("sales");
        var horizon = Today.AddDays(3);
        var reminded = await app.WithDbAsync(db => db.SpecialRequirementCases.CountAsync(c => c.OwnerUserId == salesId && c.Status != CaseStatus.Done && c.DueOn <= horizon));
        var home = await sales.GetAsync("/");
        Assert.Contains($"My special requirements: {reminded} overdue or due soon", home.Document.QuerySelector("#case-reminders")!.TextContent, StringComparison.Ordinal);

        // Someone else's reminders do not show it.
        var otherMine = await (await _users.As("qstaff")).GetAsync("/SpecialRequirements/Mine");
        Assert.DoesNotContain(number, otherMine.Text, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, later);
    }

    [Fact]
    public async Task The_owner_records_steps_and_the_report_counts_the_case_done_on_time()
    {
        var id = await OpenAsync("sales", "Drawing approval by the customer", Today.AddDays(3), "sales", "Urgent");
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync("sales", id, "Drawing sent for approval.", "InProgress")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync("sales", id, "Customer approved drawing rev. B.", "Done")).Status);

        var c = await app.WithDbAsync(db => db.SpecialRequirementCases.AsNoTracking().Include(x => x.Notes).SingleAsync(x => x.Id == id));
        Assert.Equal(CaseStatus.Done, c.Status);
        Assert.Equal("Customer approved drawing rev. B.", c.Result);
        Assert.Equal(2, c.Notes.Count);

        var report = await (await _users.As("salesmanager")).GetAsync("/SpecialRequirements/Reports");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.Contains("上海东方机械有限公司", report.Document.QuerySelector("#report-customer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _users.As("sales")).GetAsync("/SpecialRequirements/Reports")).Status);
    }

    [Fact]
    public async Task A_user_who_may_not_read_the_customer_cannot_open_its_case_by_id_or_record_a_step()
    {
        var id = await OpenAsync("sales", "Special marking on the nameplate", Today.AddDays(5), "sales");
        var (attackerName, _) = await new CustomerOwnershipTests(app).CreateSalespersonAsync();
        using var attacker = app.CreateBrowserClient();
        await attacker.SignInAsync(attackerName);

        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync($"/SpecialRequirements/Details/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync($"/SpecialRequirements/History/{id}")).Status);
        var token = await attacker.TokenFromAsync("/SpecialRequirements");
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.PostAsync($"/SpecialRequirements/Step/{id}", [new("Note", "Closed by me"), new("MoveTo", "Done")], token)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _users.As("technical")).GetAsync($"/SpecialRequirements/Details/{id}")).Status);
        Assert.DoesNotContain("Special marking on the nameplate", (await attacker.GetAsync("/SpecialRequirements")).Text, StringComparison.Ordinal);

        // The general manager reads it but is not its owner: no step.
        var gm = await _users.As("gm");
        Assert.Equal(HttpStatusCode.OK, (await gm.GetAsync($"/SpecialRequirements/Details/{id}")).Status);
        var gmToken = await gm.TokenFromAsync($"/SpecialRequirements/Details/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, (await gm.PostAsync($"/SpecialRequirements/Step/{id}", [new("Note", "GM note")], gmToken)).Status);
        Assert.Equal(CaseStatus.Pending, await app.WithDbAsync(db => db.SpecialRequirementCases.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_case_becomes_overdue_the_day_after_its_due_date()
    {
        var id = await OpenAsync("sales", "Witness test with the customer", Today.AddDays(1), "sales");
        var number = await app.WithDbAsync(db => db.SpecialRequirementCases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());

        // A fresh sign-in after each move of the clock (the sign-in cookie ages with it).
        app.Clock.Advance(TimeSpan.FromDays(1));
        var sales = await new ReviewDriver(app).As("sales");
        Assert.Contains(number, (await sales.GetAsync("/SpecialRequirements/Mine")).Document.QuerySelector("#due-soon-cases")!.TextContent, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(1));
        sales = await new ReviewDriver(app).As("sales");
        var mine = await sales.GetAsync("/SpecialRequirements/Mine");
        Assert.Contains(number, mine.Document.QuerySelector("#overdue-cases")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await sales.GetAsync($"/SpecialRequirements/Details/{id}")).Document.QuerySelector("#case-overdue"));
    }

    [Fact]
    public async Task A_case_due_today_becomes_overdue_at_midnight_China_time()
    {
        var due = Today;
        var id = await OpenAsync("sales", "Certificate of origin before shipment", due, "sales");
        var number = await app.WithDbAsync(db => db.SpecialRequirementCases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());
        var midnightInChina = new DateTimeOffset(due.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero); // 00:00 (UTC+8) the day after

        // One second before midnight in China (15:59:59 UTC) the case is due today, not overdue.
        app.Clock.Advance(midnightInChina - app.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        var sales = await new ReviewDriver(app).As("sales");
        var before = await sales.GetAsync("/SpecialRequirements/Mine");
        Assert.Contains(number, before.Document.QuerySelector("#due-soon-cases")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(number, before.Document.QuerySelector("#overdue-cases")?.TextContent ?? "", StringComparison.Ordinal);

        // At midnight in China it is overdue, although the UTC date has not changed.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        sales = await new ReviewDriver(app).As("sales");
        var after = await sales.GetAsync("/SpecialRequirements/Mine");
        Assert.Contains(number, after.Document.QuerySelector("#overdue-cases")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(number, after.Document.QuerySelector("#due-soon-cases")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_counts_by_status_priority_and_customer_with_the_handling_time_and_on_time_rate_of_the_records()
    {
        var code = await _users.CustomerAsync(CustomerProcess.Domain.Customers.CustomerClass.New);
        var customerName = await app.WithDbAsync(db => db.Customers.Where(c => c.Code == code).Select(c => c.Name).SingleAsync());
        var onTime = await OpenAsync("salesmanager", "Report: on time", Today.AddDays(5), "sales", "Urgent", code);
        var late = await OpenAsync("salesmanager", "Report: late", Today.AddDays(5), "sales", "Urgent", code);
        var working = await OpenAsync("salesmanager", "Report: in progress", Today.AddDays(5), "sales", "Normal", code);
        var overdue = await OpenAsync("salesmanager", "Report: overdue", Today.AddDays(5), "sales", "Normal", code);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync("sales", onTime, "Report sent.", "Done")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync("sales", late, "Report sent late.", "Done")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync("sales", working, "Sample in the lab.", "InProgress")).Status);

        // The records as if opened earlier: 4 and 2 days of handling; one finished after its due date, one open case past it.
        var today = Today;
        await app.WithDbAsync(async db =>
        {
            await db.SpecialRequirementCases.Where(c => c.Id == onTime).ExecuteUpdateAsync(x => x.SetProperty(c => c.OpenedOn, today.AddDays(-4)));
            await db.SpecialRequirementCases.Where(c => c.Id == late).ExecuteUpdateAsync(x => x.SetProperty(c => c.OpenedOn, today.AddDays(-2)).SetProperty(c => c.DueOn, today.AddDays(-1)));
            return await db.SpecialRequirementCases.Where(c => c.Id == overdue).ExecuteUpdateAsync(x => x.SetProperty(c => c.DueOn, today.AddDays(-1)));
        });

        var report = await (await _users.As("salesmanager")).GetAsync("/SpecialRequirements/Reports");

        Assert.Equal(HttpStatusCode.OK, report.Status);
        string[] Cells(string tableId, string rowHeader) =>
            report.Document.QuerySelectorAll($"#{tableId} tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == rowHeader)
                .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();

        // Total, pending, in progress, done, overdue, on-time rate, average handling days.
        Assert.Equal(["4", "1", "1", "2", "1", "50%", "3.0"], Cells("report-customer", customerName));

        // Every priority and the whole report agree with the records the sales manager sees (all cases).
        var records = await app.WithDbAsync(db => db.SpecialRequirementCases.AsNoTracking().Select(c => new { c.Priority, c.Status, c.DueOn, c.DoneOn }).ToListAsync());
        foreach (var priority in Enum.GetValues<CasePriority>())
        {
            var group = records.Where(c => c.Priority == priority).ToList();
            var cells = Cells("report-priority", report.Document.QuerySelectorAll("#report-priority tbody tr th").Select(th => th.TextContent.Trim())
                .ElementAt(Enum.GetValues<CasePriority>().Reverse().ToList().IndexOf(priority)));
            Assert.Equal(group.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[0]);
            Assert.Equal(group.Count(c => c.Status == CaseStatus.Done).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[3]);
        }

        var all = report.Document.QuerySelectorAll("#report-all td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal(records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), all[0]);
        Assert.Equal(records.Count(c => c.Status == CaseStatus.Pending).ToString(System.Globalization.CultureInfo.InvariantCulture), all[1]);
        Assert.Equal(records.Count(c => c.Status == CaseStatus.InProgress).ToString(System.Globalization.CultureInfo.InvariantCulture), all[2]);
        Assert.Equal(records.Count(c => c.Status == CaseStatus.Done).ToString(System.Globalization.CultureInfo.InvariantCulture), all[3]);
        Assert.Equal(records.Count(c => c.Status != CaseStatus.Done && c.DueOn < today).ToString(System.Globalization.CultureInfo.InvariantCulture), all[4]);
    }
}
