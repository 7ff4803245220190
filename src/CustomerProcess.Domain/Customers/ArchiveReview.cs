namespace CustomerProcess.Domain.Customers;

/// <summary>Why a customer is on the six-monthly archive review list (docs/process.md §2).</summary>
public enum ArchiveReviewReason
{
    NoRecentContract,
    OverduePayment,
    CreditLimitExceeded,
    Closed,
    Bankrupt,
}

/// <summary>
/// The six-monthly archive review: a customer whose last review is six months old (or that was never reviewed) and
/// that has no contract signed in the last twelve months, a payment overdue, or more open than its credit limit is due.
/// The owner keeps it, asks for a change of class or marks it inactive; nothing is deleted.
/// </summary>
public static class ArchiveReviewRules
{
    public const int IntervalMonths = 6;
    public const int NoContractMonths = 12;

    /// <summary>Reviewed exactly six months ago: due again.</summary>
    public static bool IsReviewDue(DateTime? lastReviewUtc, DateTime nowUtc) =>
        lastReviewUtc is not { } last || last <= nowUtc.AddMonths(-IntervalMonths);

    /// <summary>Due as above, or at once when a closure or bankruptcy was reported after the last review (issue #16).</summary>
    public static bool IsReviewDue(DateTime? lastReviewUtc, DateTime? closureReportedAtUtc, DateTime nowUtc) =>
        IsReviewDue(lastReviewUtc, nowUtc) || (closureReportedAtUtc is { } reported && reported > lastReviewUtc);

    /// <summary>The first day on which a contract still counts as recent.</summary>
    public static DateOnly RecentContractSince(DateOnly today) => today.AddMonths(-NoContractMonths);

    public static IReadOnlyList<ArchiveReviewReason> Reasons(DateOnly? lastContractSignedOn, bool paymentOverdue, long openMinor, decimal creditLimit, DateOnly today) =>
        Reasons(lastContractSignedOn, paymentOverdue, openMinor, creditLimit, null, today);

    /// <summary>The reasons to look at a customer; a reported closure or bankruptcy comes first.</summary>
    public static IReadOnlyList<ArchiveReviewReason> Reasons(DateOnly? lastContractSignedOn, bool paymentOverdue, long openMinor, decimal creditLimit, CustomerClosure? closure, DateOnly today)
    {
        var reasons = new List<ArchiveReviewReason>();
        if (closure is { } closed)
        {
            reasons.Add(closed switch
            {
                CustomerClosure.Closed => ArchiveReviewReason.Closed,
                CustomerClosure.Bankrupt => ArchiveReviewReason.Bankrupt,
            });
        }

        if (lastContractSignedOn is not { } signed || signed < RecentContractSince(today))
        {
            reasons.Add(ArchiveReviewReason.NoRecentContract);
        }

        if (paymentOverdue)
        {
            reasons.Add(ArchiveReviewReason.OverduePayment);
        }

        if (openMinor > decimal.ToInt64(decimal.Round(creditLimit * 100m)))
        {
            reasons.Add(ArchiveReviewReason.CreditLimitExceeded);
        }

        return reasons;
    }
}
