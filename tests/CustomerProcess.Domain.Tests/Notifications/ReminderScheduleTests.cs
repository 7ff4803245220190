using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Notifications;
using CustomerProcess.Domain.SpecialRequirements;
using Microsoft.Extensions.Time.Testing;

namespace CustomerProcess.Domain.Tests.Notifications;

/// <summary>When reminders fall due, at the boundaries, with a fake clock (docs/process.md §5, §7, §10). China time is UTC+8:
/// 16:00 UTC is midnight in China.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(72);
    private static readonly DateTime Received = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    private static DateTime UtcNow(FakeTimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    private static List<NotificationKind> ComplaintKinds(DateTime now, bool answered = false) =>
        ReminderSchedule.ForComplaint(Guid.Empty, Received, answered, now, Window).Select(r => r.Event.Kind).ToList();

    [Fact]
    public void An_unanswered_complaint_is_reminded_from_48_hours_and_overdue_only_after_72_hours()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Received));
        clock.Advance(TimeSpan.FromHours(48) - TimeSpan.FromSeconds(1));
        Assert.Empty(ComplaintKinds(UtcNow(clock)));

        clock.Advance(TimeSpan.FromSeconds(1)); // 48 h
        Assert.Equal([NotificationKind.ComplaintAnswerDueSoon], ComplaintKinds(UtcNow(clock)));

        clock.Advance(TimeSpan.FromHours(24)); // 72 h: at the deadline, not yet overdue
        Assert.Equal([NotificationKind.ComplaintAnswerDueSoon], ComplaintKinds(UtcNow(clock)));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([NotificationKind.ComplaintAnswerDueSoon, NotificationKind.ComplaintAnswerOverdue], ComplaintKinds(UtcNow(clock)));
    }

    [Fact]
    public void An_answered_complaint_is_not_reminded() =>
        Assert.Empty(ComplaintKinds(Received.AddHours(100), answered: true));

    [Fact]
    public void Each_complaint_step_has_its_own_key_so_it_is_sent_once()
    {
        var id = Guid.NewGuid();
        var keys = ReminderSchedule.ForComplaint(id, Received, false, Received.AddHours(80), Window).Select(r => r.Key).ToList();
        Assert.Equal([$"complaint:{id:N}:unanswered", $"complaint:{id:N}:overdue"], keys);
    }

    [Theory]
    [InlineData("2026-11-29T15:59:59Z", false)] // 23:59:59 on the 29th in China: two days before
    [InlineData("2026-11-29T16:00:00Z", true)] // midnight on the 30th in China: the day before the due date
    [InlineData("2026-12-01T16:00:00Z", true)] // overdue: still open, still due (reminded once by its key)
    public void A_corrective_action_is_reminded_from_the_China_day_before_its_due_date(string nowUtc, bool due)
    {
        var now = DateTimeOffset.Parse(nowUtc, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
        var reminders = ReminderSchedule.ForCorrectiveAction(Guid.NewGuid(), "owner", new DateOnly(2026, 12, 1), true, now).ToList();
        Assert.Equal(due, reminders.Count == 1);
    }

    [Fact]
    public void A_closed_corrective_action_is_not_reminded() =>
        Assert.Empty(ReminderSchedule.ForCorrectiveAction(Guid.NewGuid(), "owner", new DateOnly(2026, 12, 1), false, new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData("2026-11-27T15:59:59Z", "")] // China 27th 23:59:59: due in 4 days
    [InlineData("2026-11-27T16:00:00Z", "soon")] // China 28th: due within 3 days
    [InlineData("2026-12-01T15:59:59Z", "soon")] // China 1st, the due date itself: not overdue
    [InlineData("2026-12-01T16:00:00Z", "overdue")] // China 2nd: overdue
    public void A_special_requirement_is_reminded_when_due_soon_and_again_when_overdue(string nowUtc, string expected)
    {
        var now = DateTimeOffset.Parse(nowUtc, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
        var steps = ReminderSchedule.ForSpecialRequirement(Guid.Empty, "owner", CaseStatus.InProgress, new DateOnly(2026, 12, 1), now, 3)
            .Select(r => r.Key.Split(':')[2]).ToList();
        Assert.Equal(expected, string.Join(",", steps));
    }

    [Fact]
    public void A_done_special_requirement_is_not_reminded() =>
        Assert.Empty(ReminderSchedule.ForSpecialRequirement(Guid.Empty, "owner", CaseStatus.Done, new DateOnly(2026, 12, 1), new DateTime(2026, 12, 9, 0, 0, 0, DateTimeKind.Utc), 3));

    [Theory]
    [InlineData("2026-12-01T15:59:59Z", 0)] // China 1st: the due date, not overdue
    [InlineData("2026-12-01T16:00:00Z", 2)] // China 2nd: delivery and payment both overdue
    public void A_contracts_delivery_and_payment_are_reminded_from_the_day_after_their_due_dates(string nowUtc, int count)
    {
        var now = DateTimeOffset.Parse(nowUtc, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
        var due = new DateOnly(2026, 12, 1);
        Assert.Equal(count, ReminderSchedule.ForContract(Guid.NewGuid(), "sales", due, due, now).Count());
    }

    [Fact]
    public void The_first_digest_waits_for_its_hour_in_China_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 23, 59, 59, TimeSpan.Zero)); // 07:59:59 on the 24th in China
        Assert.False(ReminderSchedule.DigestDue(null, UtcNow(clock), 8));
        clock.Advance(TimeSpan.FromSeconds(1)); // 08:00
        Assert.True(ReminderSchedule.DigestDue(null, UtcNow(clock), 8));
    }

    [Fact]
    public void The_digest_goes_once_per_China_day()
    {
        var sentAt = new DateTime(2026, 11, 24, 0, 5, 0, DateTimeKind.Utc); // 08:05 China on the 24th
        Assert.False(ReminderSchedule.DigestDue(sentAt, new DateTime(2026, 11, 24, 15, 59, 59, DateTimeKind.Utc), 8)); // 23:59:59 the same China day
        Assert.False(ReminderSchedule.DigestDue(sentAt, new DateTime(2026, 11, 24, 23, 59, 59, DateTimeKind.Utc), 8)); // 07:59:59 the next day
        Assert.True(ReminderSchedule.DigestDue(sentAt, new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc), 8)); // 08:00 the next day
    }

    private static readonly DateTime NoticeIssued = new(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc);

    private static List<DueReminder> NoticeReminders(FakeTimeProvider clock, NoticeStatus status = NoticeStatus.Issued, params string[] pending) =>
        ReminderSchedule.ForTaskNotice(Guid.Empty, status, pending.Length == 0 ? ["Production", "Purchasing"] : pending, NoticeIssued, UtcNow(clock)).ToList();

    [Fact]
    public void An_unacknowledged_task_notice_is_reminded_from_24_hours_after_its_issue()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(NoticeIssued));
        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.Empty(NoticeReminders(clock));

        clock.Advance(TimeSpan.FromSeconds(1)); // 24 h exactly
        var due = Assert.Single(NoticeReminders(clock));
        Assert.Equal(NotificationKind.TaskNoticeToAcknowledge, due.Event.Kind);
        Assert.Equal(["Production", "Purchasing"], Assert.IsType<TaskNoticeSent>(due.Event).Departments);

        clock.Advance(TimeSpan.FromSeconds(1)); // just after: the same reminder (its key keeps it to once)
        Assert.Equal(due.Key, Assert.Single(NoticeReminders(clock)).Key);
    }

    [Fact]
    public void Only_the_departments_that_have_not_acknowledged_are_reminded()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(NoticeIssued.AddHours(30)));
        Assert.Equal(["Purchasing"], Assert.IsType<TaskNoticeSent>(Assert.Single(NoticeReminders(clock, NoticeStatus.Issued, "Purchasing")).Event).Departments);
    }

    [Theory]
    [InlineData(NoticeStatus.Acknowledged)]
    [InlineData(NoticeStatus.Superseded)]
    public void A_task_notice_acknowledged_by_everyone_or_superseded_is_not_reminded(NoticeStatus status)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(NoticeIssued.AddDays(3)));
        Assert.Empty(NoticeReminders(clock, status));
    }

    [Fact]
    public void A_task_notice_without_pending_departments_is_not_reminded() =>
        Assert.Empty(ReminderSchedule.ForTaskNotice(Guid.Empty, NoticeStatus.Issued, [], NoticeIssued, NoticeIssued.AddDays(2)));
}
