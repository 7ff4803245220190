using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.SpecialRequirements;

namespace CustomerProcess.Domain.Notifications;

/// <summary>A reminder that is due now: the event, and the key that keeps it to once per record and step.</summary>
public sealed record DueReminder(NotificationEvent Event, string Key);

/// <summary>
/// When reminders fall due (docs/process.md §5, §7, §10). Pure: the scheduler asks with the injected clock's time;
/// calendar dates are China-time business days (<see cref="BusinessDay"/>). Each step is reminded once (its key).
/// </summary>
public static class ReminderSchedule
{
    /// <summary>China Standard Time (no daylight saving).</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>How long before the answer deadline the "no answer yet" reminder comes: 24 h (at 48 h of 72 h).</summary>
    public static readonly TimeSpan ComplaintWarningBeforeDeadline = TimeSpan.FromHours(24);

    /// <summary>How long the departments have to acknowledge (签收) a task notice before they are reminded: 24 h from its
    /// issue. docs/process.md §5 and §6 set no time, and a notice carries no due time of its own (ADR 0038).</summary>
    public static readonly TimeSpan NoticeAcknowledgementWindow = TimeSpan.FromHours(24);

    public static DateOnly BusinessDay(DateTime nowUtc) => DateOnly.FromDateTime(nowUtc + ChinaOffset);

    /// <summary>An unanswered complaint: "no answer" from 24 h before the deadline (48 h of the default 72 h), "overdue"
    /// once past the deadline (at the deadline itself it is not yet overdue, as <see cref="AnswerClock"/> says).</summary>
    public static IEnumerable<DueReminder> ForComplaint(Guid complaintId, DateTime receivedAtUtc, bool answered, DateTime nowUtc, TimeSpan window)
    {
        if (answered)
        {
            yield break;
        }

        var deadline = AnswerClock.Deadline(receivedAtUtc, window);
        if (nowUtc >= deadline - ComplaintWarningBeforeDeadline)
        {
            yield return new(new ComplaintUnanswered(false), $"complaint:{complaintId:N}:unanswered");
        }

        if (AnswerClock.IsOverdue(receivedAtUtc, null, nowUtc, window))
        {
            yield return new(new ComplaintUnanswered(true), $"complaint:{complaintId:N}:overdue");
        }
    }

    /// <summary>A task notice (production task or product change) still waiting for acknowledgements: once, from 24 h after
    /// its issue (at 24 h exactly it is due), to the departments that have not acknowledged; nothing for a notice that is
    /// acknowledged by everyone or superseded by a revision (its departments acknowledge the revision instead).</summary>
    public static IEnumerable<DueReminder> ForTaskNotice(Guid noticeId, NoticeStatus status, IReadOnlyList<string> pendingDepartments, DateTime issuedAtUtc, DateTime nowUtc)
    {
        if (status == NoticeStatus.Issued && pendingDepartments.Count > 0 && nowUtc >= issuedAtUtc + NoticeAcknowledgementWindow)
        {
            yield return new(new TaskNoticeSent(pendingDepartments), $"notice:{noticeId:N}:unacknowledged");
        }
    }

    /// <summary>An open corrective action: reminded from the day before its due date (China time), once.</summary>
    public static IEnumerable<DueReminder> ForCorrectiveAction(Guid actionId, string ownerUserId, DateOnly dueOn, bool open, DateTime nowUtc)
    {
        if (open && BusinessDay(nowUtc) >= dueOn.AddDays(-1))
        {
            yield return new(new CorrectiveActionDue(ownerUserId), $"action:{actionId:N}:due");
        }
    }

    /// <summary>A special requirement: once when it becomes due soon (<see cref="CaseDeadline"/>), once when overdue.</summary>
    public static IEnumerable<DueReminder> ForSpecialRequirement(Guid caseId, string ownerUserId, CaseStatus status, DateOnly dueOn, DateTime nowUtc, int reminderDays)
    {
        var today = BusinessDay(nowUtc);
        if (CaseDeadline.IsDueSoon(status, dueOn, today, reminderDays))
        {
            yield return new(new SpecialRequirementDue(ownerUserId), $"case:{caseId:N}:soon:{dueOn:yyyyMMdd}");
        }

        if (CaseDeadline.IsOverdue(status, dueOn, today))
        {
            yield return new(new SpecialRequirementDue(ownerUserId), $"case:{caseId:N}:overdue:{dueOn:yyyyMMdd}");
        }
    }

    /// <summary>A contract's delivery or payment: once per due date that has passed (from the day after it).</summary>
    public static IEnumerable<DueReminder> ForContract(Guid contractId, string? salesUserId, DateOnly? deliveryDue, DateOnly? paymentDue, DateTime nowUtc)
    {
        var today = BusinessDay(nowUtc);
        if (deliveryDue is { } delivery && today > delivery)
        {
            yield return new(new ContractOverdue(salesUserId), $"contract:{contractId:N}:delivery:{delivery:yyyyMMdd}");
        }

        if (paymentDue is { } payment && today > payment)
        {
            yield return new(new ContractOverdue(salesUserId), $"contract:{contractId:N}:payment:{payment:yyyyMMdd}");
        }
    }

    /// <summary>The daily digest is sent once per China-time day, at or after <paramref name="hour"/> o'clock.</summary>
    public static bool DigestDue(DateTime? lastDigestUtc, DateTime nowUtc, int hour)
    {
        var local = nowUtc + ChinaOffset;
        if (local.Hour < hour)
        {
            return false;
        }

        return lastDigestUtc is null || BusinessDay(lastDigestUtc.Value) < DateOnly.FromDateTime(local);
    }
}

/// <summary>A digest's section: one kind and its notifications, newest first.</summary>
public sealed record DigestGroup(NotificationKind Kind, IReadOnlyList<Notification> Items);

/// <summary>The daily digest: a user's notifications not yet mailed, grouped by kind (in the kind's order), newest first.</summary>
public static class DigestGrouping
{
    public static IReadOnlyList<DigestGroup> Group(IEnumerable<Notification> notifications) =>
        notifications
            .Where(n => n.DigestedAtUtc is null)
            .GroupBy(n => n.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new DigestGroup(g.Key, g.OrderByDescending(n => n.CreatedAtUtc).ToList()))
            .ToList();
}
