using System.Net;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Retention;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Retention;

/// <summary>Retention and disposal (issue #18 item 5, docs/process.md §11, ADR 0041): nothing goes before its period;
/// after it, disposal is requested, approved by someone else, carried out and kept on record; no row is deleted.</summary>
[Collection(AppCollection.Name)]
public sealed class DisposalTests(AppFactory app)
{
    [Fact]
    public async Task A_complaint_due_yesterday_is_requested_approved_by_the_GM_and_disposed_and_its_row_stays_marked()
    {
        var complaint = await SeedClosedComplaintAsync(Today.AddDays(-1).AddYears(-3));
        var contentBefore = await app.WithDbAsync(async db => (await db.Complaints.AsNoTracking().Include(c => c.Actions).SingleAsync(c => c.Id == complaint.Id)).RetainedContent());
        var auditBefore = await AuditOfAsync(complaint.Id);
        var complaintsBefore = await app.WithDbAsync(db => db.Complaints.CountAsync());
        Assert.NotEmpty(auditBefore);

        using var quality = app.CreateBrowserClient();
        await quality.SignInAsync("quality");
        var due = await quality.GetAsync("/Retention?type=Complaints&q=" + complaint.Number);
        Assert.Equal(HttpStatusCode.OK, due.Status);
        Assert.NotNull(due.Document.QuerySelector($"#due-records tr[data-number='{complaint.Number}']"));

        var requested = await quality.SubmitAsync(
            "/Retention?type=Complaints&q=" + complaint.Number, [new("RecordIds", complaint.Id.ToString()), new("Reason", "Retention period over")], "/Retention/Submit");
        Assert.Equal(HttpStatusCode.Redirect, requested.Status);
        var details = requested.Location!;
        var disposalId = Guid.Parse(details.Split('/').Last());
        Assert.Null((await quality.GetAsync(details)).Document.QuerySelector("#disposal-decision"));

        using var gm = app.CreateBrowserClient();
        await gm.SignInAsync("gm");
        var approved = await gm.SubmitAsync(details, [new("Note", "Agreed")], $"/Retention/Approve/{disposalId}");
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);

        var executed = await quality.SubmitAsync(details, [], $"/Retention/Execute/{disposalId}");
        Assert.Equal(HttpStatusCode.Redirect, executed.Status);

        var disposal = await app.WithDbAsync(db => db.DisposalRecords.AsNoTracking().Include(d => d.Items).SingleAsync(d => d.Id == disposalId));
        Assert.Equal(DisposalStatus.Executed, disposal.Status);
        Assert.Equal(RetentionRecordType.Complaints, disposal.RecordType);
        Assert.Equal(1, disposal.RecordCount);
        Assert.Equal(complaint.Number, Assert.Single(disposal.Items).RecordNumber);
        Assert.Equal(DisposalRecord.HashOf([contentBefore]), disposal.ContentHash);
        Assert.Equal("张质量 Zhang (Quality head)", disposal.RequestedByName);
        Assert.Equal("陈总 Chen (General manager)", disposal.DecidedByName);
        Assert.Equal("张质量 Zhang (Quality head)", disposal.ExecutedByName);
        Assert.NotNull(disposal.ExecutedAtUtc);

        // The business row is still there, marked, with number and dates kept and its texts blanked.
        Assert.Equal(complaintsBefore, await app.WithDbAsync(db => db.Complaints.CountAsync()));
        var stored = await app.WithDbAsync(db => db.Complaints.AsNoTracking().Include(c => c.Actions).SingleAsync(c => c.Id == complaint.Id));
        Assert.Equal(disposalId, stored.DisposalId);
        Assert.NotNull(stored.DisposedAtUtc);
        Assert.Equal(complaint.Number, stored.Number);
        Assert.Equal(complaint.ClosedAtUtc, stored.ClosedAtUtc);
        Assert.Equal("", stored.Description);
        Assert.Null(stored.AnswerText);

        // The audit rows written before are untouched; the blanking added rows of its own.
        var auditAfter = await AuditOfAsync(complaint.Id);
        Assert.All(auditBefore, before => Assert.Contains(auditAfter, after => after == before));
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == complaint.Id.ToString() && a.Field == "DisposalId").ToListAsync()),
            a => a.NewValue == disposalId.ToString());

        // What the users see: the register, the printable record, and the complaint gone from the list.
        var register = await quality.GetAsync("/Retention/Register?q=" + disposal.Number);
        Assert.NotNull(register.Document.QuerySelector($"#disposals tr[data-number='{disposal.Number}']"));
        var print = await gm.GetAsync($"/Retention/Print/{disposalId}");
        Assert.Equal(HttpStatusCode.OK, print.Status);
        Assert.Contains(complaint.Number, print.Text, StringComparison.Ordinal);
        Assert.Contains(disposal.ContentHash!, print.Text, StringComparison.Ordinal);
        Assert.Contains("陈总 Chen (General manager)", print.Text, StringComparison.Ordinal);
        var list = await quality.GetAsync("/Complaints?closed=true&q=" + complaint.Number);
        Assert.Null(list.Document.QuerySelector($"#complaints tr[data-number='{complaint.Number}']"));
        Assert.Null((await quality.GetAsync("/Retention?type=Complaints&q=" + complaint.Number)).Document.QuerySelector($"#due-records tr[data-number='{complaint.Number}']"));

        // Opened by its number, the complaint says plainly that it was disposed of (its fields are blank on purpose).
        var page = await quality.GetAsync($"/Complaints/Details/{complaint.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("after its retention period", page.Document.QuerySelector("#complaint-disposed")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_due_tomorrow_is_not_listed_and_a_request_naming_it_is_refused_with_a_message()
    {
        var notYet = await SeedClosedComplaintAsync(Today.AddDays(1).AddYears(-3));
        var due = await SeedClosedComplaintAsync(Today.AddYears(-3));
        using var quality = app.CreateBrowserClient();
        await quality.SignInAsync("quality");
        var page = await quality.GetAsync("/Retention?type=Complaints");
        Assert.Null(page.Document.QuerySelector($"#due-records tr[data-number='{notYet.Number}']"));

        var refused = await quality.SubmitAsync(
            "/Retention?type=Complaints&q=" + due.Number, [new("RecordIds", notYet.Id.ToString()), new("Reason", "Retention period over")], "/Retention/Submit");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains($"Record {notYet.Number} is kept until", refused.ErrorText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.DisposalItems.AnyAsync(i => i.RecordId == notYet.Id)));
        var stored = await app.WithDbAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.Id == notYet.Id));
        Assert.Null(stored.DisposalId);
        Assert.NotEqual("", stored.Description);
    }

    [Fact]
    public async Task The_requester_cannot_approve_their_own_request_even_holding_the_GM_role()
    {
        var complaint = await SeedClosedComplaintAsync(Today.AddYears(-4));
        var userName = await CreateUserAsync(Roles.QualityHead, Roles.GeneralManager);
        using var both = app.CreateBrowserClient();
        await both.SignInAsync(userName);
        var requested = await both.SubmitAsync(
            "/Retention?type=Complaints&q=" + complaint.Number, [new("RecordIds", complaint.Id.ToString()), new("Reason", "Retention period over")], "/Retention/Submit");
        Assert.Equal(HttpStatusCode.Redirect, requested.Status);
        var disposalId = Guid.Parse(requested.Location!.Split('/').Last());
        var details = await both.GetAsync(requested.Location);
        Assert.Null(details.Document.QuerySelector("#disposal-decision"));
        Assert.NotNull(details.Document.QuerySelector("#awaiting-decision"));

        var token = await both.TokenFromAsync(requested.Location);
        var approve = await both.PostAsync($"/Retention/Approve/{disposalId}", [new("Note", "Self")], token);
        var reject = await both.PostAsync($"/Retention/Reject/{disposalId}", [new("Note", "Self")], token);
        var execute = await both.PostAsync($"/Retention/Execute/{disposalId}", [], token);

        Assert.Equal(HttpStatusCode.Forbidden, approve.Status);
        Assert.Equal(HttpStatusCode.Forbidden, reject.Status);
        Assert.Equal(HttpStatusCode.Redirect, execute.Status);
        var disposal = await app.WithDbAsync(db => db.DisposalRecords.AsNoTracking().SingleAsync(d => d.Id == disposalId));
        Assert.Equal(DisposalStatus.Requested, disposal.Status);
        Assert.Null(disposal.DecidedByUserId);
        Assert.Null(await app.WithDbAsync(db => db.Complaints.AsNoTracking().Where(c => c.Id == complaint.Id).Select(c => c.DisposalId).SingleAsync()));
    }

    [Fact]
    public async Task A_salesperson_gets_403_on_the_retention_pages_and_actions()
    {
        var complaint = await SeedClosedComplaintAsync(Today.AddYears(-5));
        using var sales = app.CreateBrowserClient();
        await sales.SignInAsync("sales");
        var token = await sales.TokenFromAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/Retention")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/Retention/Register")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/Retention/Details/{Guid.NewGuid()}")).Status);
        var post = await sales.PostAsync("/Retention/Submit", [new("RecordType", "Complaints"), new("RecordIds", complaint.Id.ToString()), new("Reason", "x")], token);
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.False(await app.WithDbAsync(db => db.DisposalItems.AnyAsync(i => i.RecordId == complaint.Id)));
        Assert.Null((await sales.GetAsync("/")).Document.QuerySelector("#nav-retention"));

        using var quality = app.CreateBrowserClient();
        await quality.SignInAsync("quality");
        Assert.NotNull((await quality.GetAsync("/")).Document.QuerySelector("#nav-retention"));
    }

    [Fact]
    public async Task The_general_manager_cannot_request_and_the_quality_head_cannot_approve()
    {
        var complaint = await SeedClosedComplaintAsync(Today.AddYears(-5));
        using var gm = app.CreateBrowserClient();
        await gm.SignInAsync("gm");
        var token = await gm.TokenFromAsync("/Retention");
        var post = await gm.PostAsync("/Retention/Submit", [new("RecordType", "Complaints"), new("RecordIds", complaint.Id.ToString()), new("Reason", "x")], token);
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);

        using var quality = app.CreateBrowserClient();
        await quality.SignInAsync("quality");
        var requested = await quality.SubmitAsync(
            "/Retention?type=Complaints&q=" + complaint.Number, [new("RecordIds", complaint.Id.ToString()), new("Reason", "Retention period over")], "/Retention/Submit");
        var disposalId = Guid.Parse(requested.Location!.Split('/').Last());
        var approve = await quality.PostAsync($"/Retention/Approve/{disposalId}", [], await quality.TokenFromAsync(requested.Location));
        Assert.Equal(HttpStatusCode.Forbidden, approve.Status);

        var rejected = await gm.SubmitAsync(requested.Location, [new("Note", "Keep them for the customs audit")], $"/Retention/Reject/{disposalId}");
        Assert.Equal(HttpStatusCode.Redirect, rejected.Status);
        var disposal = await app.WithDbAsync(db => db.DisposalRecords.AsNoTracking().SingleAsync(d => d.Id == disposalId));
        Assert.Equal(DisposalStatus.Rejected, disposal.Status);
        Assert.Equal("Keep them for the customs audit", disposal.DecisionNote);
        Assert.Null(await app.WithDbAsync(db => db.Complaints.AsNoTracking().Where(c => c.Id == complaint.Id).Select(c => c.DisposalId).SingleAsync()));
        // A rejected request frees the record: it is listed as due again.
        Assert.NotNull((await quality.GetAsync("/Retention?type=Complaints&q=" + complaint.Number)).Document.QuerySelector($"#due-records tr[data-number='{complaint.Number}']"));
    }

    private DateOnly Today => RetentionPolicy.ClosingDay(app.Clock.GetUtcNow().UtcDateTime);

    private async Task<Complaint> SeedClosedComplaintAsync(DateOnly closedOn)
    {
        // 10:00 China time on the closing day.
        var closedAtUtc = closedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        var number = $"TS-R{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        return await app.WithDbAsync(async db =>
        {
            var customerId = await db.Customers.OrderBy(c => c.Code).Select(c => c.Id).FirstAsync();
            var complaint = new Complaint(number, customerId, ComplaintKind.Complaint, ComplaintChannel.Phone, ComplaintSeverity.Minor,
                "Scratched housing, reported by Mr. Li", closedAtUtc.AddDays(-3), "seed", "Seed", closedAtUtc.AddDays(-3));
            Assert.True(complaint.Answer("Replaced the housing.", ComplaintChannel.Email, closedAtUtc.AddDays(-2), "Quality", closedAtUtc.AddDays(-2)).Succeeded);
            Assert.True(complaint.Close("Quality", closedAtUtc).Succeeded);
            db.Complaints.Add(complaint);
            await db.SaveChangesAsync();
            return complaint;
        });
    }

    private Task<List<(long? Sequence, string? Hash, string Field, string? NewValue)>> AuditOfAsync(Guid id) =>
        app.WithDbAsync(async db => (await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString()).ToListAsync())
            .Select(a => (a.Sequence, a.Hash, a.Field, a.NewValue)).OrderBy(a => a.Sequence).ToList());

    private async Task<string> CreateUserAsync(params string[] roles)
    {
        var userName = $"qgm-{Guid.NewGuid():N}"[..16];
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = "Both " + userName, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        foreach (var role in roles)
        {
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return userName;
    }
}

/// <summary>A retention period below three years stops the application at start-up with a message naming the setting.</summary>
public sealed class RetentionSettingTests
{
    [Fact]
    public void A_configured_period_below_three_years_stops_the_start_with_a_clear_message()
    {
        using var app = new ShortRetentionApp();
        var thrown = Assert.ThrowsAny<Exception>(() => app.Services);
        var message = Flatten(thrown);
        Assert.Contains("Retention:Complaints:Years is 2", message, StringComparison.Ordinal);
        Assert.Contains("at least 3 years", message, StringComparison.Ordinal);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);

    private sealed class ShortRetentionApp : AppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Retention:Complaints:Years"] = "2" };
    }
}
