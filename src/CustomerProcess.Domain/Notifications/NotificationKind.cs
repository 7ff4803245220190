namespace CustomerProcess.Domain.Notifications;

/// <summary>What a notification is about (docs/process.md §4, §5, §7, §10). In-app always; e-mail as each user chooses.</summary>
public enum NotificationKind
{
    /// <summary>A review section waits for the department's signature.</summary>
    SectionAwaitingSignature = 1,

    /// <summary>A discrepancy was raised against an order the user looks after (sales manager, salesperson).</summary>
    DiscrepancyRaised = 2,

    /// <summary>A discrepancy the user's department raised is resolved and waits for its confirmation.</summary>
    DiscrepancyResolved = 3,

    /// <summary>Every section is signed: the review waits for the conclusion or the general manager's approval.</summary>
    ApprovalAwaiting = 4,

    /// <summary>A production task notice waits for the department's acknowledgement.</summary>
    TaskNoticeToAcknowledge = 5,

    /// <summary>A complaint was logged and passed to quality.</summary>
    ComplaintAssigned = 6,

    /// <summary>A complaint has had no answer for 48 hours.</summary>
    ComplaintAnswerDueSoon = 7,

    /// <summary>A complaint's answer is overdue (72 hours).</summary>
    ComplaintAnswerOverdue = 8,

    /// <summary>A corrective action is due.</summary>
    CorrectiveActionDue = 9,

    /// <summary>A special requirement is due.</summary>
    SpecialRequirementDue = 10,

    /// <summary>A contract's delivery or payment is overdue.</summary>
    ContractOverdue = 11,
}
