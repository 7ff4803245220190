using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Notifications;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Features.Notifications;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Tests.Notifications;

/// <summary>Notifications in-app and by e-mail through the database queue, reminders on the fake clock, the scheduler's
/// lease, and forgot password (ADR 0024, 0026; docs/process.md §4, §7).</summary>
public sealed partial class NotificationTests(NotificationApp app) : IClassFixture<NotificationApp>
{
    private readonly ReviewDriver _driver = new(app);

    private Task<List<Notification>> NotificationsAsync(string userName, string link) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Link == link && db.Users.Any(u => u.Id == n.UserId && u.UserName == userName))
            .OrderBy(n => n.CreatedAtUtc).ToListAsync());

    private Task<int> UnsentMailsAsync(string address, string link) =>
        app.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.ToAddress == address && m.SentAtUtc == null && m.Body.Contains(link)));

    private MimeKit.MimeMessage OneMail(Func<MimeKit.MimeMessage, bool> filter)
    {
        var matching = app.Received.Where(filter).ToList();
        return Assert.Single(matching);
    }

    private static Func<MimeKit.MimeMessage, bool> MailTo(string address, string link) =>
        m => m.To.Mailboxes.Any(a => a.Address == address) && m.TextBody?.Contains(link, StringComparison.Ordinal) == true;

    [Fact]
    public async Task Submitting_an_order_notifies_the_heads_and_the_last_signature_notifies_the_concluder_by_email_and_in_app()
    {
        app.StartSmtp();
        await app.RunSchedulerAsync(); // whatever earlier tests queued
        app.StartSmtp();
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 15_000m)); // simplified: Sales + Production, sales manager concludes
        var link = $"/Reviews/{reviewId}";

        // The review opened in the same save as its notifications: both heads wait for their signature.
        Assert.Equal(NotificationKind.SectionAwaitingSignature, Assert.Single(await NotificationsAsync("production", link)).Kind);
        Assert.Equal(NotificationKind.SectionAwaitingSignature, Assert.Single(await NotificationsAsync("salesmanager", link)).Kind);
        Assert.Empty(await NotificationsAsync("sales", link)); // the actor
        Assert.Equal(1, await UnsentMailsAsync("production@example.com", link));

        Assert.True(await app.RunSchedulerAsync());
        var toProduction = OneMail(MailTo("production@example.com", link));
        Assert.Contains("http://cp.test" + link, toProduction.TextBody, StringComparison.Ordinal);
        Assert.Contains("A review section waits for your signature", toProduction.TextBody, StringComparison.Ordinal);
        Assert.Contains("评审栏目等待您签字", toProduction.Subject, StringComparison.Ordinal);
        Assert.Contains("A review section waits for your signature", toProduction.Subject, StringComparison.Ordinal);
        // The in-app row names the record by its number only, so an English reader sees no Chinese label in it.
        var number = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Join(db.SalesOrders, r => r.SubjectId, o => o.Id, (r, o) => o.Number).SingleAsync());
        Assert.Equal(number, Assert.Single(await NotificationsAsync("production", link)).Subject);
        Assert.Equal(0, await UnsentMailsAsync("production@example.com", link));

        app.StartSmtp();
        await _driver.SignAllAsync(reviewId, ["Sales"]);
        Assert.Single(await NotificationsAsync("salesmanager", link)); // nothing new until the review is complete
        await _driver.SignAllAsync(reviewId, ["Production"]);

        var forConcluder = await NotificationsAsync("salesmanager", link);
        Assert.Equal([NotificationKind.SectionAwaitingSignature, NotificationKind.ApprovalAwaiting], forConcluder.Select(n => n.Kind));
        Assert.Empty(await NotificationsAsync("gm", link));
        await app.RunSchedulerAsync();
        var toConcluder = OneMail(MailTo("salesmanager@example.com", link));
        Assert.Contains("A review waits for your conclusion or approval", toConcluder.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_a_section_of_a_change_review_notifies_the_next_signers_by_email_and_in_app()
    {
        var tracking = new TrackingDriver(app);
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var contract = await tracking.SignedContractAsync(customer, CustomerClass.Regular);
        var changeId = await tracking.RequestChangeAsync(contract, ChangeKind.Specification, specification: "DN100 PN25 316L");
        app.StartSmtp();
        await app.RunSchedulerAsync(); // whatever the contract's own review queued
        app.StartSmtp();

        Assert.Equal(HttpStatusCode.Redirect, (await tracking.DecideChangeAsync(changeId, "Accept")).Status);
        var change = await tracking.ChangeAsync(changeId);
        var reviewId = change.ReviewId!.Value;
        var link = $"/Reviews/{reviewId}";
        var sections = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).SelectMany(r => r.Sections.Select(s => s.DepartmentCode)).ToListAsync());
        Assert.Equal(ReviewSubjectKind.ContractChange, await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.SubjectKind).SingleAsync()));

        // The change review opened in the same save as its notifications: every head but the accepting sales manager.
        foreach (var department in sections.Where(d => d != "Sales"))
        {
            var forHead = Assert.Single(await NotificationsAsync(ReviewDriver.Heads[department], link));
            Assert.Equal(NotificationKind.SectionAwaitingSignature, forHead.Kind);
            Assert.Contains(change.Number, forHead.Subject, StringComparison.Ordinal);
        }

        Assert.Empty(await NotificationsAsync("salesmanager", link));
        await app.RunSchedulerAsync();
        Assert.Contains(change.Number, OneMail(MailTo("technical@example.com", link)).Subject, StringComparison.Ordinal);

        // A discrepancy on the change reaches the salesperson of the contract's order.
        var raised = await _driver.PostOnReviewAsync(reviewId, "technical", "Sections/Technical/Discrepancies",
            [new("Clause", "规格 Specification"), new("Description", "316L needs a new casting pattern")]);
        Assert.Equal(HttpStatusCode.Redirect, raised.Status);
        Assert.Equal(NotificationKind.DiscrepancyRaised, Assert.Single(await NotificationsAsync("sales", link)).Kind);
        var discrepancy = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).SelectMany(r => r.Discrepancies).SingleAsync());
        await _driver.PostOnReviewAsync(reviewId, "salesmanager", $"Discrepancies/{discrepancy.Id}/Resolve",
            [new("Resolution", "Pattern cost quoted and accepted"), new("Evidence", "Fax"), new("EvidenceReference", "FAX-2026-200")]);
        Assert.Contains(await NotificationsAsync("technical", link), n => n.Kind == NotificationKind.DiscrepancyResolved);
        Assert.Equal(HttpStatusCode.Redirect, (await _driver.PostOnReviewAsync(reviewId, "technical", $"Discrepancies/{discrepancy.Id}/Confirm", [])).Status);

        // Signing every section but the last leaves the general manager alone; the last signature reaches the GM.
        var last = sections[^1];
        await _driver.SignAllAsync(reviewId, sections.Where(d => d != last));
        Assert.Empty(await NotificationsAsync("gm", link));
        app.StartSmtp();
        await _driver.SignAllAsync(reviewId, [last]);

        Assert.Equal(ReviewStatus.AwaitingApproval, await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Status).SingleAsync()));
        Assert.Equal(NotificationKind.ApprovalAwaiting, Assert.Single(await NotificationsAsync("gm", link)).Kind);
        Assert.Equal(1, await UnsentMailsAsync("gm@example.com", link));
        Assert.True(await app.RunSchedulerAsync());
        var toGm = OneMail(MailTo("gm@example.com", link));
        Assert.Contains("http://cp.test" + link, toGm.TextBody, StringComparison.Ordinal);
        Assert.Contains(change.Number, toGm.Subject, StringComparison.Ordinal);
        Assert.Equal(0, await UnsentMailsAsync("gm@example.com", link));
    }

    [Fact]
    public async Task An_issued_task_notice_notifies_its_departments_and_reminds_those_that_have_not_acknowledged_after_24_hours()
    {
        var tracking = new TrackingDriver(app);
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var contract = await tracking.SignedContractAsync(customer, CustomerClass.Regular);
        var issued = await tracking.IssueNoticeAsync(contract, "Production", "Purchasing");
        Assert.True(issued.Status == HttpStatusCode.Redirect, issued.ErrorText);
        var noticeId = await app.WithDbAsync(db => db.TaskNotices.Where(n => n.ContractId == contract.Id).Select(n => n.Id).SingleAsync());
        var link = $"/Notices/{noticeId}";
        var issuedAt = await app.WithDbAsync(db => db.TaskNotices.Where(n => n.Id == noticeId).Select(n => n.IssuedAtUtc).SingleAsync());

        // Issued: both departments hear of it in the same save.
        Assert.Equal(NotificationKind.TaskNoticeToAcknowledge, Assert.Single(await NotificationsAsync("production", link)).Kind);
        Assert.Single(await NotificationsAsync("purchasing", link));
        Assert.Equal(HttpStatusCode.Redirect, (await tracking.AcknowledgeAsync(noticeId, "Production", "production")).Status);

        // Just before 24 h nothing; at 24 h the department still to acknowledge is reminded, once.
        app.Clock.SetUtcNow(new DateTimeOffset(issuedAt.AddHours(24).AddSeconds(-1), TimeSpan.Zero));
        await app.RunSchedulerAsync();
        Assert.Single(await NotificationsAsync("purchasing", link));

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await app.RunSchedulerAsync();
        await app.RunSchedulerAsync();
        var forPurchasing = await NotificationsAsync("purchasing", link);
        Assert.Equal(2, forPurchasing.Count);
        Assert.Equal($"notice:{noticeId:N}:unacknowledged", forPurchasing[1].ReminderKey);
        Assert.Single(await NotificationsAsync("production", link)); // acknowledged: not reminded
    }

    [Fact]
    public async Task The_bell_counts_unread_notifications_and_opening_one_marks_it_read_and_leads_to_its_page()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 15_000m));
        var production = await _driver.As("production");
        var unread = await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.ReadAtUtc == null && db.Users.Any(u => u.Id == n.UserId && u.UserName == "production")));

        var home = await production.GetAsync("/Notifications");
        Assert.Equal(unread.ToString(CultureInfo.InvariantCulture), home.Document.QuerySelector("#bell-count")!.TextContent);
        var row = home.Document.QuerySelector($"tr.unread[data-notification]") ?? throw new Xunit.Sdk.XunitException("No unread row: " + home.Text);
        var mine = (await NotificationsAsync("production", $"/Reviews/{reviewId}")).Single();
        var form = home.Document.QuerySelector($"tr[data-notification='{mine.Id}'] form")!;
        var opened = await production.PostAsync(form.GetAttribute("action")!, [], form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        Assert.Equal($"/Reviews/{reviewId}", opened.Location);
        Assert.NotNull((await NotificationsAsync("production", $"/Reviews/{reviewId}")).Single().ReadAtUtc);
        var after = await production.GetAsync("/Notifications?unread=true");
        Assert.Null(after.Document.QuerySelector($"tr[data-notification='{mine.Id}']"));
        Assert.NotNull(row);

        var token = await production.TokenFromAsync("/Notifications");
        var again = await production.PostAsync($"/Notifications/{mine.Id}/Unread", [], token);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Null((await NotificationsAsync("production", $"/Reviews/{reviewId}")).Single().ReadAtUtc);
    }

    [Fact]
    public async Task Another_users_notification_cannot_be_opened_or_marked_unread()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 15_000m));
        var theirs = (await NotificationsAsync("production", $"/Reviews/{reviewId}")).Single();
        var finance = await _driver.As("finance");
        var token = await finance.TokenFromAsync("/Notifications");

        Assert.Equal(HttpStatusCode.NotFound, (await finance.PostAsync($"/Notifications/{theirs.Id}/Open", [], token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.PostAsync($"/Notifications/{theirs.Id}/Unread", [], token)).Status);
        Assert.Null((await NotificationsAsync("production", $"/Reviews/{reviewId}")).Single().ReadAtUtc);
        var list = await finance.GetAsync("/Notifications");
        Assert.Null(list.Document.QuerySelector($"tr[data-notification='{theirs.Id}']"));
    }

    [Fact]
    public async Task Switching_email_off_for_a_kind_keeps_the_in_app_notification_and_queues_no_mail()
    {
        var production = await _driver.As("production");
        var saved = await production.SubmitAsync("/Notifications/Preferences", [new("Email", nameof(NotificationKind.ApprovalAwaiting))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var before = await app.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.ToAddress == "production@example.com"));

        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var reviewId = await _driver.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 15_000m));

        Assert.Single(await NotificationsAsync("production", $"/Reviews/{reviewId}"));
        Assert.Equal(before, await app.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.ToAddress == "production@example.com")));
        var page = await production.GetAsync("/Notifications/Preferences");
        Assert.Null(page.Document.QuerySelector($"input[name=Email][value={nameof(NotificationKind.SectionAwaitingSignature)}]")!.GetAttribute("checked"));

        await production.SubmitAsync("/Notifications/Preferences", Enum.GetNames<NotificationKind>().Select(k => new KeyValuePair<string, string>("Email", k)));
    }

    [Fact]
    public async Task Mail_stays_queued_while_the_SMTP_server_is_down_and_is_sent_when_it_comes_back()
    {
        app.StopSmtp();
        var complaint = await LogComplaintAsync();
        var link = $"/Complaints/Details/{complaint}";
        Assert.Single(await NotificationsAsync("quality", link));
        Assert.Single(await NotificationsAsync("qstaff", link));
        Assert.Equal(1, await UnsentMailsAsync("quality@example.com", link));

        Assert.True(await app.RunSchedulerAsync()); // the request above never waited for SMTP; the scheduler tries now
        var failed = await app.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.ToAddress == "quality@example.com" && m.SentAtUtc == null && m.Body.Contains(link)));
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);
        Assert.True(failed.NextAttemptAtUtc > app.Clock.GetUtcNow().UtcDateTime);

        app.Clock.Advance(TimeSpan.FromMinutes(61)); // still down after an hour: readiness says the queue is stuck
        await app.RunSchedulerAsync();
        var health = await app.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Contains("Degraded", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await UnsentMailsAsync("quality@example.com", link));

        app.StartSmtp();
        app.Clock.Advance(OutboxMailRetryCap);
        Assert.True(await app.RunSchedulerAsync());

        Assert.Equal(0, await UnsentMailsAsync("quality@example.com", link));
        Assert.Contains(app.Received, m => MailTo("quality@example.com", link)(m));
        var ready = await app.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    private static readonly TimeSpan OutboxMailRetryCap = CustomerProcess.Infrastructure.Mail.OutboxMail.MaxRetryDelay;

    [Fact]
    public async Task An_unanswered_complaint_reminds_quality_staff_once_at_48_hours_and_quality_head_too_when_overdue()
    {
        var complaint = await LogComplaintAsync();
        var link = $"/Complaints/Details/{complaint}";
        var received = await app.WithDbAsync(db => db.Complaints.Where(c => c.Id == complaint).Select(c => c.ReceivedAtUtc).SingleAsync());

        app.Clock.SetUtcNow(new DateTimeOffset(received.AddHours(48).AddMinutes(-1), TimeSpan.Zero));
        await app.RunSchedulerAsync();
        Assert.DoesNotContain(await NotificationsAsync("qstaff", link), n => n.Kind == NotificationKind.ComplaintAnswerDueSoon);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.RunSchedulerAsync();
        await app.RunSchedulerAsync(); // a second run (or another instance after a restart) sends nothing twice
        Assert.Single(await NotificationsAsync("qstaff", link), n => n.Kind == NotificationKind.ComplaintAnswerDueSoon);
        Assert.DoesNotContain(await NotificationsAsync("quality", link), n => n.Kind == NotificationKind.ComplaintAnswerDueSoon);

        app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await app.RunSchedulerAsync();
        Assert.Single(await NotificationsAsync("qstaff", link), n => n.Kind == NotificationKind.ComplaintAnswerOverdue);
        Assert.Single(await NotificationsAsync("quality", link), n => n.Kind == NotificationKind.ComplaintAnswerOverdue);
    }

    [Fact]
    public async Task The_scheduler_runs_on_one_instance_at_a_time_through_the_database_lease()
    {
        var mine = app.Services.GetRequiredService<ScheduledWork>();
        using var other = new ScheduledWork(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<IOptions<NotificationOptions>>(), app.Services.GetRequiredService<ILogger<ScheduledWork>>())
        {
            Holder = "another-instance",
        };
        var lease = TimeSpan.FromSeconds(app.Services.GetRequiredService<IOptions<NotificationOptions>>().Value.LeaseSeconds);

        Assert.True(await mine.RunOnceAsync(CancellationToken.None));
        Assert.False(await other.RunOnceAsync(CancellationToken.None));
        Assert.True(await mine.RunOnceAsync(CancellationToken.None)); // the holder renews

        app.Clock.Advance(lease); // the holder stopped renewing (it died): at expiry the other takes over
        Assert.True(await other.RunOnceAsync(CancellationToken.None));
        Assert.False(await mine.RunOnceAsync(CancellationToken.None));

        await other.ReleaseAsync(CancellationToken.None); // shut down: the lease is free at once
        Assert.True(await mine.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_forgot_password_link_works_once_and_unknown_names_get_the_same_answer()
    {
        app.StartSmtp();
        await app.RunSchedulerAsync();
        app.StartSmtp();
        var anonymous = app.CreateBrowserClient();
        var mailsBefore = await app.WithDbAsync(db => db.OutboxMails.CountAsync());

        var unknown = await anonymous.SubmitAsync("/PasswordReset", [new("UserName", "nobody-" + Guid.NewGuid().ToString("N"))]);
        Assert.Equal(mailsBefore, await app.WithDbAsync(db => db.OutboxMails.CountAsync()));
        var known = await anonymous.SubmitAsync("/PasswordReset", [new("UserName", "legal")]);
        Assert.Equal((unknown.Status, unknown.Location), (known.Status, known.Location));
        Assert.Equal("/PasswordReset/Sent", known.Location);

        await app.RunSchedulerAsync();
        var mail = OneMail(m => m.To.Mailboxes.Any(a => a.Address == "legal@example.com"));
        var link = ResetLink().Match(mail.TextBody ?? "").Value;
        Assert.StartsWith("http://cp.test/PasswordReset/Reset?token=", link, StringComparison.Ordinal);
        var path = link["http://cp.test".Length..];
        var token = path.Split("token=")[1];
        Assert.False(await app.WithDbAsync(db => db.PasswordResetRequests.AnyAsync(r => r.TokenHash == token))); // only the hash is stored

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).Status);
        const string NewPassword = "Legal-New-Password-2026";
        var reset = await anonymous.SubmitAsync(path, [new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.Equal("/PasswordReset/Done", reset.Location);

        var signIn = app.CreateBrowserClient();
        await signIn.SignInAsync("legal", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await signIn.GetAsync("/Notifications")).Status);

        // Used once: the link no longer works, and the password stays.
        var reused = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, reused.Status);
        Assert.Contains("used already or has expired", reused.Text, StringComparison.Ordinal);
        var second = await anonymous.PostAsync("/PasswordReset/Reset", [new("Token", token), new("NewPassword", "Another-Password-2026"), new("ConfirmPassword", "Another-Password-2026")],
            await anonymous.TokenFromAsync("/PasswordReset"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.Status);
        var again = app.CreateBrowserClient();
        await again.SignInAsync("legal", NewPassword);
    }

    [Fact]
    public async Task A_forgot_password_link_expires()
    {
        app.StartSmtp();
        await app.RunSchedulerAsync();
        app.StartSmtp();
        var anonymous = app.CreateBrowserClient();
        await anonymous.SubmitAsync("/PasswordReset", [new("UserName", "safety@example.com")]); // the e-mail address works too
        await app.RunSchedulerAsync();
        var mail = OneMail(m => m.To.Mailboxes.Any(a => a.Address == "safety@example.com"));
        var path = ResetLink().Match(mail.TextBody ?? "").Value["http://cp.test".Length..];
        var minutes = app.Services.GetRequiredService<IOptions<NotificationOptions>>().Value.ResetLinkMinutes;

        app.Clock.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).Status);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).Status);

        var token = path.Split("token=")[1];
        var expired = await anonymous.PostAsync("/PasswordReset/Reset", [new("Token", token), new("NewPassword", "Safety-New-Password-2026"), new("ConfirmPassword", "Safety-New-Password-2026")],
            await anonymous.TokenFromAsync("/PasswordReset"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, expired.Status);
        var signIn = app.CreateBrowserClient();
        await signIn.SignInAsync("safety", DemoData.Password); // unchanged
    }

    private async Task<Guid> LogComplaintAsync()
    {
        var sales = await _driver.As("sales");
        var receivedAt = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var result = await sales.SubmitAsync("/Complaints/Create",
        [
            new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Phone"), new("Severity", "Major"),
            new("ProductCode", "P-100"), new("Description", "Notification test " + Guid.NewGuid().ToString("N")), new("ReceivedAt", receivedAt),
        ]);
        Assert.True(result.Status == HttpStatusCode.Redirect, result.ErrorText);
        return Guid.Parse(result.Location!.Split('/').Last());
    }

    [GeneratedRegex(@"http://cp\.test/PasswordReset/Reset\?token=[A-Za-z0-9_-]+")]
    private static partial Regex ResetLink();
}
