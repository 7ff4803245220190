using System.Text;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Notifications;
using CustomerProcess.Domain.SpecialRequirements;
using CustomerProcess.Infrastructure.Mail;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Complaints;
using CustomerProcess.Web.Features.SpecialRequirements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.Notifications;

/// <summary>
/// One run of the reminders (ADR 0026): the due times come from the records themselves (a complaint's receipt, an
/// action's or a case's due date, a contract's next delivery and payment due), and what was already reminded is the
/// notification's <see cref="Notification.ReminderKey"/>. A run after a restart, or on another instance, therefore
/// sends what fell due meanwhile and nothing twice. Each record's reminders are saved with one SaveChanges. A run first
/// lists every due reminder and reads which were already sent in a few queries (<see cref="Notifier.PrefetchRemindedAsync"/>),
/// so a run where nothing new fell due costs the same few queries however many records are overdue.
/// </summary>
public sealed class ReminderSweep(AppDbContext db, Notifier notifier, TimeProvider clock, IOptions<ComplaintOptions> complaints, IOptions<SpecialRequirementOptions> cases)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ReminderSchedule.BusinessDay(now);
        var window = complaints.Value.AnswerWindow;
        var due = new List<(IReadOnlyList<DueReminder> Reminders, string Subject, string Link)>();

        var warnFrom = now - window + ReminderSchedule.ComplaintWarningBeforeDeadline;
        var unanswered = await db.Complaints.AsNoTracking()
            .Where(c => c.AnsweredAtUtc == null && c.Status != ComplaintStatus.Closed && c.ReceivedAtUtc <= warnFrom)
            .Select(c => new { c.Id, c.Number, c.ReceivedAtUtc })
            .ToListAsync(cancellationToken);
        foreach (var c in unanswered)
        {
            due.Add(([.. ReminderSchedule.ForComplaint(c.Id, c.ReceivedAtUtc, false, now, window)], c.Number, $"/Complaints/Details/{c.Id}"));
        }

        var actionsUntil = today.AddDays(1);
        var actions = await (from action in db.CorrectiveActions.AsNoTracking()
                             join complaint in db.Complaints.AsNoTracking() on action.ComplaintId equals complaint.Id
                             where action.Status == ActionStatus.Open && action.DueDate <= actionsUntil
                             select new { action.Id, action.OwnerUserId, action.DueDate, action.Number, action.ComplaintId, ComplaintNumber = complaint.Number })
            .ToListAsync(cancellationToken);
        foreach (var a in actions)
        {
            due.Add(([.. ReminderSchedule.ForCorrectiveAction(a.Id, a.OwnerUserId, a.DueDate, true, now)], $"{a.ComplaintNumber} #{a.Number}", $"/Complaints/Details/{a.ComplaintId}"));
        }

        var casesUntil = today.AddDays(cases.Value.ReminderDays);
        var openCases = await db.SpecialRequirementCases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Done && c.DueOn <= casesUntil)
            .Select(c => new { c.Id, c.Number, c.Title, c.OwnerUserId, c.Status, c.DueOn })
            .ToListAsync(cancellationToken);
        foreach (var c in openCases)
        {
            due.Add(([.. ReminderSchedule.ForSpecialRequirement(c.Id, c.OwnerUserId, c.Status, c.DueOn, now, cases.Value.ReminderDays)], $"{c.Number} {c.Title}", $"/SpecialRequirements/Details/{c.Id}"));
        }

        var contracts = (from contract in db.Contracts.AsNoTracking()
                         join order in db.SalesOrders.AsNoTracking() on contract.OrderId equals order.Id
                         where contract.Status == ContractStatus.Executing
                               && ((contract.NextDeliveryDue != null && contract.NextDeliveryDue < today) || (contract.PaymentDue != null && contract.PaymentDue < today))
                         select new { contract.Id, contract.Number, order.SalesUserId, contract.NextDeliveryDue, contract.PaymentDue })
            .AsAsyncEnumerable();
        await foreach (var c in contracts.WithCancellation(cancellationToken))
        {
            due.Add(([.. ReminderSchedule.ForContract(c.Id, c.SalesUserId, c.NextDeliveryDue, c.PaymentDue, now)], c.Number, $"/Ledger/Details/{c.Id}"));
            await YieldNowAndThen(due.Count);
        }

        var acknowledgeBy = now - ReminderSchedule.NoticeAcknowledgementWindow;
        var pendingNotices = await (from notice in db.TaskNotices.AsNoTracking()
                                    join row in db.NoticeAcknowledgements.AsNoTracking() on notice.Id equals row.NoticeId
                                    where notice.Status == NoticeStatus.Issued && notice.IssuedAtUtc <= acknowledgeBy && row.AcknowledgedAtUtc == null
                                    select new { notice.Id, notice.Number, notice.Status, notice.IssuedAtUtc, row.DepartmentCode, row.SortOrder })
            .ToListAsync(cancellationToken);
        foreach (var n in pendingNotices.GroupBy(n => n.Id))
        {
            var first = n.First();
            var pending = n.OrderBy(r => r.SortOrder).Select(r => r.DepartmentCode).ToList();
            due.Add(([.. ReminderSchedule.ForTaskNotice(first.Id, first.Status, pending, first.IssuedAtUtc, now)], first.Number, Notifier.NoticeLink(first.Id)));
        }

        await notifier.PrefetchRemindedAsync([.. due.SelectMany(d => d.Reminders).Select(r => r.Key)], cancellationToken);
        var added = 0;
        for (var i = 0; i < due.Count; i++)
        {
            added += await RemindAsync(due[i].Reminders, due[i].Subject, due[i].Link, cancellationToken);
            await YieldNowAndThen(i);
        }

        return added;
    }

    /// <summary>
    /// The sweep's reads complete synchronously (SQLite), so a run over many records would hold its thread for as long;
    /// on one core the requests queued behind it waited up to a second every 30 s (28,654 overdue contracts of a
    /// million). Every 500 records it lets them go first (bench/results/notes.md, 2026-12-05).
    /// </summary>
    private static async Task YieldNowAndThen(int count)
    {
        if (count % 500 == 499)
        {
            await Task.Yield();
        }
    }

    private async Task<int> RemindAsync(IEnumerable<DueReminder> reminders, string subject, string link, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var reminder in reminders)
        {
            count += (await notifier.NotifyAsync(reminder.Event, subject, link, null, cancellationToken, reminder.Key)).Count;
        }

        if (count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return count;
    }
}

/// <summary>
/// The daily digest (ADR 0024): for each user who chose it, once per China-time day after <c>Notifications:DigestHour</c>,
/// one mail with the notifications not yet digested, grouped by kind (<see cref="DigestGrouping"/>); saved with the
/// notifications marked digested and the user's last digest time, in one save per user.
/// </summary>
public sealed class DigestSender(AppDbContext db, Notifier notifier, TimeProvider clock, IOptions<NotificationOptions> options)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var digestUsers = await db.NotificationPreferences.Where(p => p.DailyDigest).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var preference in digestUsers.Where(p => ReminderSchedule.DigestDue(p.LastDigestUtc, now, options.Value.DigestHour)))
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == preference.UserId && u.IsActive).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
            var pending = await db.Notifications.Where(n => n.UserId == preference.UserId && n.DigestedAtUtc == null && n.CreatedAtUtc <= now).ToListAsync(cancellationToken);
            var groups = DigestGrouping.Group(pending.Where(n => preference.DigestIncludes(n.Kind)));
            if (user is not null && !string.IsNullOrWhiteSpace(user.Email) && groups.Count > 0)
            {
                var body = Body(groups, out var subject);
                db.OutboxMails.Add(new OutboxMail(user.Email, user.DisplayName, subject, body, now));
                sent++;
            }

            foreach (var notification in pending)
            {
                notification.MarkDigested(now);
            }

            preference.DigestSent(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    private string Body(IReadOnlyList<DigestGroup> groups, out string subject)
    {
        var zh = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        subject = $"{notifier.Text("Daily digest", zh)} ({groups.Sum(g => g.Items.Count)})";
        var body = new StringBuilder();
        foreach (var group in groups)
        {
            body.AppendLine($"{notifier.Text("NotificationKind." + group.Kind, zh)} / {notifier.Text("NotificationKind." + group.Kind, System.Globalization.CultureInfo.GetCultureInfo("en"))} ({group.Items.Count})");
            foreach (var item in group.Items)
            {
                body.AppendLine($"  - {item.Subject}  {notifier.AbsoluteLink(item.Link)}");
            }

            body.AppendLine();
        }

        return body.ToString();
    }
}
