using System.Globalization;
using System.Text;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Notifications;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Mail;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.Notifications;

/// <summary>
/// Adds the notifications of an event to the caller's unit of work (ADR 0024): one in-app row per recipient
/// (<see cref="NotificationRecipients"/> decides who) and, for those who want it by e-mail and have an address, one
/// queued mail. Nothing is saved here: the caller's one SaveChanges commits the act and its notifications together.
/// </summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock, IStringLocalizerFactory localizers, IOptions<MailOptions> mailOptions, IHttpContextAccessor http)
{
    private NotificationDirectory? _directory;

    /// <summary>A sweep's prefetch (<see cref="PrefetchRemindedAsync"/>): reminder key → users who already had it.</summary>
    private Dictionary<string, HashSet<string>>? _reminded;

    /// <summary>
    /// For the reminder sweep: reads who already had each of these reminders in one query per 500 keys, so that a run
    /// over many due records costs a few queries instead of three per record (bench/results/notes.md, 2026-12-05).
    /// </summary>
    public async Task PrefetchRemindedAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        _reminded ??= new(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            foreach (var key in chunk)
            {
                _reminded.TryAdd(key, []);
            }

            var rows = await db.Notifications.AsNoTracking().Where(n => chunk.Contains(n.ReminderKey!))
                .Select(n => new { n.ReminderKey, n.UserId }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                _reminded[row.ReminderKey!].Add(row.UserId);
            }

            await Task.Yield(); // see ReminderSweep.YieldNowAndThen
        }
    }

    public async Task<IReadOnlyList<string>> NotifyAsync(NotificationEvent notificationEvent, string subject, string link, string? actorUserId, CancellationToken cancellationToken, string? reminderKey = null)
    {
        var directory = _directory ??= await LoadDirectoryAsync(cancellationToken);
        var recipients = NotificationRecipients.For(notificationEvent, directory, actorUserId);
        if (recipients.Count == 0)
        {
            return recipients;
        }

        HashSet<string>? prefetched = null;
        if (reminderKey is not null)
        {
            IEnumerable<string> reminded = _reminded?.TryGetValue(reminderKey, out prefetched) == true
                ? prefetched!
                : await db.Notifications.Where(n => n.ReminderKey == reminderKey && recipients.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(cancellationToken);
            recipients = recipients.Except(reminded).ToList();
            if (recipients.Count == 0)
            {
                return recipients;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var users = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => recipients.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        foreach (var user in users)
        {
            db.Notifications.Add(Notification.Create(user.Id, notificationEvent.Kind, subject, link, now, reminderKey));
            if (!string.IsNullOrWhiteSpace(user.Email) && NotificationPreference.WantsEmail(preferences.GetValueOrDefault(user.Id), notificationEvent.Kind))
            {
                db.OutboxMails.Add(new OutboxMail(user.Email, user.DisplayName, MailSubject(notificationEvent.Kind, subject), MailBody(notificationEvent.Kind, subject, link), now));
            }
        }

        prefetched?.UnionWith(users.Select(u => u.Id));
        return users.Select(u => u.Id).ToList();
    }

    public static string NoticeLink(Guid noticeId) => $"/Notices/{noticeId}";

    /// <summary>A task notice issued (a production task notice, its revision after a change, a product change notice):
    /// the departments that must acknowledge it hear of it in the same save.</summary>
    public Task<IReadOnlyList<string>> TaskNoticeIssuedAsync(TaskNotice notice, string? actorUserId, CancellationToken cancellationToken) =>
        NotifyAsync(new TaskNoticeSent(notice.PendingDepartments), notice.Number, NoticeLink(notice.Id), actorUserId, cancellationToken);

    /// <summary>
    /// After any act on a review of any subject, before its save: a new review (or invalidated signatures) waits for the
    /// pending departments; a discrepancy raised goes to the sales manager and the subject's salesperson, a resolved one
    /// to the raising department; a review that the act made complete waits for its concluder. Read from the change
    /// tracker; who hears of what is <see cref="ReviewNotifications"/>, the same for every subject.
    /// </summary>
    public async Task ReviewActedAsync(Review review, string? actorUserId, CancellationToken cancellationToken, bool completedNow = false)
    {
        var entry = db.Entry(review);
        var awaiting = entry.State == EntityState.Added
            ? review.Sections.Where(s => s.Status == SectionStatus.Pending).Select(s => s.DepartmentCode).ToList()
            : review.Sections.Where(s => db.Entry(s).State == EntityState.Modified && s.Status == SectionStatus.Pending
                                         && db.Entry(s).Property(x => x.Status).OriginalValue == SectionStatus.Signed)
                .Select(s => s.DepartmentCode).ToList();
        var raised = review.Discrepancies.Count(d => db.Entry(d).State == EntityState.Added);
        var resolved = review.Discrepancies
            .Where(d => db.Entry(d).State == EntityState.Modified && d.Status == DiscrepancyStatus.Resolved
                        && db.Entry(d).Property(x => x.Status).OriginalValue != DiscrepancyStatus.Resolved)
            .Select(d => d.DepartmentCode).ToList();
        var movedToApproval = review.Status == ReviewStatus.AwaitingApproval && entry.State == EntityState.Modified
                              && entry.Property(r => r.Status).OriginalValue != ReviewStatus.AwaitingApproval;
        var readyForConcluder = completedNow && review.Status == ReviewStatus.InProgress && review.AllSectionsSigned
                                && !review.HasOpenDiscrepancies && !review.RequiresGeneralManager;
        var confirmedLast = review.Status == ReviewStatus.InProgress && !review.RequiresGeneralManager && review.AllSectionsSigned && !review.HasOpenDiscrepancies
                            && review.Discrepancies.Any(d => db.Entry(d).State == EntityState.Modified && d.Status == DiscrepancyStatus.Confirmed
                                                             && db.Entry(d).Property(x => x.Status).OriginalValue != DiscrepancyStatus.Confirmed);

        var events = ReviewNotifications.Of(new ReviewActOutcome(
            review.SubjectKind,
            raised > 0 ? await SubjectOwnerAsync(review, cancellationToken) : null,
            review.Concluder,
            awaiting,
            raised,
            resolved,
            movedToApproval || readyForConcluder || confirmedLast));
        if (events.Count == 0)
        {
            return;
        }

        var label = await ReviewLabelAsync(review, cancellationToken);
        foreach (var notificationEvent in events)
        {
            await NotifyAsync(notificationEvent, label, $"/Reviews/{review.Id}", actorUserId, cancellationToken);
        }
    }

    /// <summary>Who looks after the reviewed record: the order's salesperson; for a contract change, the salesperson of
    /// the contract's order; for a tender's reviews, the salesperson who registered the tender.</summary>
    private async Task<string?> SubjectOwnerAsync(Review review, CancellationToken cancellationToken) => review.SubjectKind switch
    {
        ReviewSubjectKind.SalesOrder => await db.SalesOrders.Where(o => o.Id == review.SubjectId).Select(o => o.SalesUserId).FirstOrDefaultAsync(cancellationToken),
        ReviewSubjectKind.ContractChange => await (from change in db.ContractChanges
                                                   join contract in db.Contracts on change.ContractId equals contract.Id
                                                   join order in db.SalesOrders on contract.OrderId equals order.Id
                                                   where change.Id == review.SubjectId
                                                   select order.SalesUserId).FirstOrDefaultAsync(cancellationToken),
        ReviewSubjectKind.TenderInvitation or ReviewSubjectKind.Bid =>
            await db.Tenders.Where(t => t.Id == review.SubjectId).Select(t => t.SalesUserId).FirstOrDefaultAsync(cancellationToken),
    };

    private async Task<string> ReviewLabelAsync(Review review, CancellationToken cancellationToken)
    {
        var number = review.SubjectKind switch
        {
            ReviewSubjectKind.SalesOrder => await db.SalesOrders.Where(o => o.Id == review.SubjectId).Select(o => o.Number).FirstOrDefaultAsync(cancellationToken),
            ReviewSubjectKind.ContractChange => await db.ContractChanges.Where(c => c.Id == review.SubjectId).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken),
            ReviewSubjectKind.TenderInvitation or ReviewSubjectKind.Bid => await db.Tenders.Where(t => t.Id == review.SubjectId).Select(t => t.Number).FirstOrDefaultAsync(cancellationToken),
        };
        // The record's number only: the row is read later in either language, and the number's prefix and the
        // notification's kind (shown in the reader's language) say what it is.
        return number ?? "";
    }

    private async Task<NotificationDirectory> LoadDirectoryAsync(CancellationToken cancellationToken)
    {
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           join user in db.Users on userRole.UserId equals user.Id
                           where user.IsActive
                           select new { role.Name, userRole.UserId }).AsNoTracking().ToListAsync(cancellationToken);
        var today = ReminderSchedule.BusinessDay(clock.GetUtcNow().UtcDateTime);
        var heads = await db.Departments.AsNoTracking().Where(d => d.IsActive && d.HeadUserId != null)
            .Select(d => new { d.Code, UserId = d.HeadUserId! }).ToListAsync(cancellationToken);
        var deputies = await db.DepartmentDelegations.AsNoTracking()
            .Where(d => !d.IsRevoked && d.StartsOn <= today && d.EndsOn >= today)
            .Select(d => new { Code = d.DepartmentCode, UserId = d.ToUserId }).ToListAsync(cancellationToken);
        return new NotificationDirectory(
            roles.GroupBy(r => r.Name ?? "").ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.UserId).ToList(), StringComparer.Ordinal),
            heads.Concat(deputies).GroupBy(d => d.Code).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(d => d.UserId).ToList(), StringComparer.Ordinal));
    }

    /// <summary>Both languages, Chinese first, as the body (the recipient's language is not stored).</summary>
    public string MailSubject(NotificationKind kind, string subject) =>
        $"{Text("NotificationKind." + kind, CultureInfo.GetCultureInfo("zh-CN"))} / {Text("NotificationKind." + kind, CultureInfo.GetCultureInfo("en"))}: {subject}";

    /// <summary>Chinese first, then English (the recipient's language is not known); the link to the page.</summary>
    public string MailBody(NotificationKind kind, string subject, string link)
    {
        var body = new StringBuilder();
        foreach (var culture in new[] { CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("en") })
        {
            body.AppendLine($"{Text("NotificationKind." + kind, culture)}: {subject}");
        }

        body.AppendLine();
        body.AppendLine(AbsoluteLink(link));
        body.AppendLine();
        body.AppendLine(Text("You receive this because of your notification settings in CustomerProcess.", CultureInfo.GetCultureInfo("zh-CN")));
        body.AppendLine(Text("You receive this because of your notification settings in CustomerProcess.", CultureInfo.GetCultureInfo("en")));
        return body.ToString();
    }

    public string AbsoluteLink(string link)
    {
        var baseUrl = mailOptions.Value.BaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl) && http.HttpContext?.Request is { } request)
        {
            baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        return string.IsNullOrWhiteSpace(baseUrl) ? link : baseUrl.TrimEnd('/') + link;
    }

    public string Text(string key, CultureInfo culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return localizers.Create(typeof(SharedResource))[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
