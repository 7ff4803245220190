namespace CustomerProcess.Domain.Tenders;

/// <summary>The states of a tender (docs/process.md §4.1, tenders): the invitation is reviewed go/no-go,
/// the bid is reviewed before it is sent, and the outcome is recorded.</summary>
public enum TenderStatus
{
    /// <summary>Invitation registered; clarifications may be asked.</summary>
    Registered,

    /// <summary>The go/no-go review of the invitation is open.</summary>
    GoNoGoReview,

    /// <summary>Decided to bid; the bid is prepared (and revised after a rejected bid review).</summary>
    Bidding,

    /// <summary>Decided not to bid (go/no-go rejected).</summary>
    Declined,

    /// <summary>The bid review is open; nothing is submitted before it concludes.</summary>
    BidReview,

    /// <summary>The bid review approved the bid: it may be submitted.</summary>
    BidApproved,

    /// <summary>The bid was sent to the tendering party.</summary>
    Submitted,

    Won,
    Lost,
    Withdrawn,
}

/// <summary>The two reviews of a tender.</summary>
public enum TenderReviewStage
{
    GoNoGo,
    Bid,
}

/// <summary>The tender's transition table: the only place that says which moves exist.</summary>
public static class TenderTransitions
{
    public static bool CanMove(TenderStatus from, TenderStatus to) => from switch
    {
        TenderStatus.Registered => to is TenderStatus.GoNoGoReview or TenderStatus.Withdrawn,
        TenderStatus.GoNoGoReview => to is TenderStatus.Bidding or TenderStatus.Declined or TenderStatus.Withdrawn,
        TenderStatus.Bidding => to is TenderStatus.BidReview or TenderStatus.Withdrawn,
        TenderStatus.BidReview => to is TenderStatus.BidApproved or TenderStatus.Bidding or TenderStatus.Withdrawn,
        TenderStatus.BidApproved => to is TenderStatus.Submitted or TenderStatus.Withdrawn,
        TenderStatus.Submitted => to is TenderStatus.Won or TenderStatus.Lost or TenderStatus.Withdrawn,
        TenderStatus.Won => false,
        TenderStatus.Lost => false,
        TenderStatus.Withdrawn => false,
        TenderStatus.Declined => false,
    };
}
