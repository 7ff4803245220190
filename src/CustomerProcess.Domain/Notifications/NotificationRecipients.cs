using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;

namespace CustomerProcess.Domain.Notifications;

/// <summary>Who holds which role and who signs for which department (the head and today's deputies).</summary>
public sealed record NotificationDirectory(
    IReadOnlyDictionary<string, IReadOnlyList<string>> UsersByRole,
    IReadOnlyDictionary<string, IReadOnlyList<string>> SignersByDepartment)
{
    public IReadOnlyList<string> InRole(string role) => UsersByRole.TryGetValue(role, out var users) ? users : [];

    public IReadOnlyList<string> SignersOf(string department) => SignersByDepartment.TryGetValue(department, out var users) ? users : [];
}

/// <summary>An event that notifies someone (docs/process.md §4, §5, §7, §10).</summary>
public abstract record NotificationEvent(NotificationKind Kind);

/// <summary>A review opened, or its signatures were invalidated: the pending departments sign.</summary>
public sealed record SectionsAwaitingSignature(IReadOnlyList<string> Departments) : NotificationEvent(NotificationKind.SectionAwaitingSignature);

/// <summary>Every section signed: the concluder (sales manager, business-unit head or general manager) acts.</summary>
public sealed record ConclusionAwaiting(ReviewConcluder Concluder) : NotificationEvent(NotificationKind.ApprovalAwaiting);

/// <summary>A discrepancy raised: the sales manager settles it; the salesperson of the subject hears of it.</summary>
public sealed record DiscrepancyRaised(string? SubjectOwnerUserId) : NotificationEvent(NotificationKind.DiscrepancyRaised);

/// <summary>A discrepancy resolved: the department that raised it confirms.</summary>
public sealed record DiscrepancyResolved(string RaisingDepartment) : NotificationEvent(NotificationKind.DiscrepancyResolved);

/// <summary>A task notice sent: the departments concerned acknowledge.</summary>
public sealed record TaskNoticeSent(IReadOnlyList<string> Departments) : NotificationEvent(NotificationKind.TaskNoticeToAcknowledge);

/// <summary>A complaint logged: quality (head and staff) takes it at once.</summary>
public sealed record ComplaintLogged() : NotificationEvent(NotificationKind.ComplaintAssigned);

/// <summary>A complaint without an answer: at 48 h quality staff, when overdue quality's head too.</summary>
public sealed record ComplaintUnanswered(bool Overdue)
    : NotificationEvent(Overdue ? NotificationKind.ComplaintAnswerOverdue : NotificationKind.ComplaintAnswerDueSoon);

/// <summary>A corrective action due: its owner.</summary>
public sealed record CorrectiveActionDue(string OwnerUserId) : NotificationEvent(NotificationKind.CorrectiveActionDue);

/// <summary>A special requirement due: its owner.</summary>
public sealed record SpecialRequirementDue(string OwnerUserId) : NotificationEvent(NotificationKind.SpecialRequirementDue);

/// <summary>A contract's delivery or payment overdue: the contract administrators and the salesperson.</summary>
public sealed record ContractOverdue(string? SalesUserId) : NotificationEvent(NotificationKind.ContractOverdue);

/// <summary>Who is notified of each event: each person once, never the person who acted.</summary>
public static class NotificationRecipients
{
    public static IReadOnlyList<string> For(NotificationEvent notificationEvent, NotificationDirectory directory, string? actorUserId)
    {
        IEnumerable<string?> users = notificationEvent switch
        {
            SectionsAwaitingSignature e => e.Departments.SelectMany(directory.SignersOf),
            ConclusionAwaiting e => directory.InRole(ConcluderRole(e.Concluder)),
            DiscrepancyRaised e => directory.InRole(Roles.SalesManager).Append(e.SubjectOwnerUserId),
            DiscrepancyResolved e => directory.SignersOf(e.RaisingDepartment),
            TaskNoticeSent e => e.Departments.SelectMany(directory.SignersOf),
            ComplaintLogged => directory.InRole(Roles.QualityHead).Concat(directory.InRole(Roles.QualityStaff)),
            ComplaintUnanswered { Overdue: false } => directory.InRole(Roles.QualityStaff),
            ComplaintUnanswered { Overdue: true } => directory.InRole(Roles.QualityStaff).Concat(directory.InRole(Roles.QualityHead)),
            CorrectiveActionDue e => [e.OwnerUserId],
            SpecialRequirementDue e => [e.OwnerUserId],
            ContractOverdue e => directory.InRole(Roles.ContractAdministrator).Append(e.SalesUserId),
            _ => throw new ArgumentOutOfRangeException(nameof(notificationEvent), notificationEvent.GetType().Name, "An event without a recipient rule."),
        };
        return users
            .Where(u => !string.IsNullOrEmpty(u) && u != actorUserId)
            .Select(u => u!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public static string ConcluderRole(ReviewConcluder concluder) => concluder switch
    {
        ReviewConcluder.SalesManager => Roles.SalesManager,
        ReviewConcluder.BusinessUnitHead => Roles.BusinessUnitHead,
        ReviewConcluder.GeneralManager => Roles.GeneralManager,
    };
}
