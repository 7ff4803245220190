namespace CustomerProcess.Domain.Reviews;

public enum ReviewStatus
{
    InProgress,
    AwaitingApproval,
    Approved,
    Rejected,
    Withdrawn,
}

public enum SectionStatus
{
    Pending,
    Signed,
}

public enum SectionConclusion
{
    Accept,
    AcceptWithConditions,
    Reject,
}

/// <summary>What a signature means (docs/process.md §11).</summary>
public enum SignatureMeaning
{
    Reviewed,
    Approved,
    Rejected,
    Concluded,
}

public enum DiscrepancyStatus
{
    Open,
    Resolved,
    Confirmed,
}

public enum EvidenceType
{
    PhoneNote,
    Fax,
    Letter,
    Email,
}

/// <summary>The transition tables of the review, its sections and its discrepancies.</summary>
public static class ReviewTransitions
{
    public static bool CanMove(ReviewStatus from, ReviewStatus to) => from switch
    {
        ReviewStatus.InProgress => to is ReviewStatus.AwaitingApproval or ReviewStatus.Approved or ReviewStatus.Rejected or ReviewStatus.Withdrawn,
        ReviewStatus.AwaitingApproval => to is ReviewStatus.InProgress or ReviewStatus.Approved or ReviewStatus.Rejected or ReviewStatus.Withdrawn,
        ReviewStatus.Approved => false,
        ReviewStatus.Rejected => false,
        ReviewStatus.Withdrawn => false,
    };

    public static bool CanMove(SectionStatus from, SectionStatus to) => from switch
    {
        SectionStatus.Pending => to is SectionStatus.Signed,
        SectionStatus.Signed => to is SectionStatus.Pending, // invalidated by a content change
    };

    public static bool CanMove(DiscrepancyStatus from, DiscrepancyStatus to) => from switch
    {
        DiscrepancyStatus.Open => to is DiscrepancyStatus.Resolved,
        DiscrepancyStatus.Resolved => to is DiscrepancyStatus.Confirmed or DiscrepancyStatus.Open,
        DiscrepancyStatus.Confirmed => false,
    };
}

/// <summary>What a review reviews (docs/process.md §4, §6 and the tender procedure): the review's rules,
/// sections and signatures are the same for every kind; the subject supplies its facts and follows the outcome.</summary>
public enum ReviewSubjectKind
{
    SalesOrder,
    ContractChange,
    TenderInvitation,
    Bid,
}

/// <summary>Who concludes a complete review.</summary>
public enum ReviewConcluder
{
    SalesManager,
    BusinessUnitHead,
    GeneralManager,
}
