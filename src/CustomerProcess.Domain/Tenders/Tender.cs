using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Domain.Tenders;

/// <summary>How a submitted tender ended.</summary>
public enum TenderOutcome
{
    Won,
    Lost,
    Withdrawn,
}

/// <summary>A competitor's price as entered with the outcome.</summary>
public sealed record CompetitorPrice(string Name, decimal? Price);

/// <summary>
/// 投标 (docs/process.md §4.1): an invitation to tender, its go/no-go review with the clarifications asked of the
/// tendering party, the bid and its review before submission, and the outcome. A won tender becomes a draft order.
/// The state moves only through the named methods, each guarded by <see cref="TenderTransitions"/>.
/// </summary>
public sealed class Tender : BusinessRecord, IVersioned
{
    public const int NumberLength = 20;
    public const int ProjectLength = 200;
    public const int TextLength = 2000;
    public const int NameLength = 200;
    public const string NumberPrefix = "TB";

    public static readonly DomainError IllegalMove = new("tender.illegal-move", "The tender cannot move from {0} to {1}.");
    public static readonly DomainError AmountNotPositive = new("tender.amount", "The amount must be above zero.");
    public static readonly DomainError NotClarifiable = new("tender.not-clarifiable", "Clarifications are raised and answered before the go/no-go decision.");
    public static readonly DomainError ClarificationNotFound = DomainError.NotFound("tender.clarification.not-found", "The clarification does not exist.");
    public static readonly DomainError ClarificationAnswered = new("tender.clarification.answered", "The clarification is already answered.");
    public static readonly DomainError OpenClarifications = new("tender.clarification.open", "Clarification {0} is still open: record the tendering party's answer before the go/no-go decision.");
    public static readonly DomainError NotBidding = new("tender.not-bidding", "The bid can be changed only after the decision to bid and before its review.");
    public static readonly DomainError NoBid = new("tender.no-bid", "Enter the bid amount before the bid review.");
    public static readonly DomainError NotWon = new("tender.not-won", "Only a won tender becomes an order.");
    public static readonly DomainError AlreadyOrdered = new("tender.already-ordered", "This tender already became an order.");
    public static readonly DomainError WinningPriceNeeded = new("tender.winning-price", "Enter the winning price of a won tender.");
    public static readonly DomainError PriceNotPositive = new("tender.price", "Prices must be above zero.");

    private readonly List<TenderClarification> _clarifications = [];
    private readonly List<CompetitorBid> _competitors = [];

    private Tender()
    {
    }

    public Tender(string number, Guid customerId, string project, DateTime deadlineUtc, decimal estimatedAmount, string? requirements,
        string salesUserId, string salesUserName, DateTime nowUtc)
    {
        Number = number;
        CustomerId = customerId;
        Project = project;
        DeadlineUtc = deadlineUtc;
        EstimatedAmount = estimatedAmount;
        EstimatedAmountMinor = ToMinor(estimatedAmount);
        Requirements = requirements;
        SalesUserId = salesUserId;
        SalesUserName = salesUserName;
        CreatedAtUtc = nowUtc;
    }

    public string Number { get; private set; } = "";

    /// <summary>The tendering party (a customer in the archive).</summary>
    public Guid CustomerId { get; private set; }

    public string Project { get; private set; } = "";

    /// <summary>When the bid must be with the tendering party.</summary>
    public DateTime DeadlineUtc { get; private set; }

    public decimal EstimatedAmount { get; private set; }

    public long EstimatedAmountMinor { get; private set; }

    /// <summary>What the invitation requires (scope, quantities, technical and commercial terms); carried into the order.</summary>
    public string? Requirements { get; private set; }

    public string SalesUserId { get; private set; } = "";

    public string SalesUserName { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public TenderStatus Status { get; private set; } = TenderStatus.Registered;

    public decimal? BidAmount { get; private set; }

    public long? BidAmountMinor { get; private set; }

    public string? BidNotes { get; private set; }

    public DateTime? GoNoGoDecidedAtUtc { get; private set; }

    public DateTime? BidConcludedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public TenderOutcome? Outcome { get; private set; }

    public decimal? WinningPrice { get; private set; }

    public string? WinnerName { get; private set; }

    public string? OutcomeNote { get; private set; }

    public string? OutcomeByName { get; private set; }

    public DateTime? OutcomeAtUtc { get; private set; }

    /// <summary>The order a won tender became.</summary>
    public Guid? OrderId { get; private set; }

    /// <summary>Bumped on every change of what a review looks at; a review opened on an older version is stale.</summary>
    public int ContentVersion { get; private set; } = 1;

    public int Version { get; private set; }

    public IReadOnlyList<TenderClarification> Clarifications => _clarifications.OrderBy(c => c.Number).ToList();

    public IReadOnlyList<CompetitorBid> Competitors => _competitors.ToList();

    /// <summary>The amount a review of <paramref name="stage"/> is routed by: the estimate for go/no-go, the bid for the bid review.</summary>
    public decimal ReviewAmount(TenderReviewStage stage) => stage switch
    {
        TenderReviewStage.GoNoGo => EstimatedAmount,
        TenderReviewStage.Bid => BidAmount ?? 0m,
    };

    public static Result CheckAmount(decimal amount) => amount > 0 ? Result.Success() : AmountNotPositive;

    public Result<TenderClarification> AskClarification(string question, string byName, DateTime nowUtc)
    {
        if (Status is not (TenderStatus.Registered or TenderStatus.GoNoGoReview))
        {
            return NotClarifiable;
        }

        var clarification = new TenderClarification(Id, _clarifications.Count + 1, question, byName, nowUtc);
        _clarifications.Add(clarification);
        ContentVersion++;
        return Result<TenderClarification>.Success(clarification);
    }

    public Result AnswerClarification(Guid clarificationId, string answer, EvidenceType evidence, string? reference, string byName, DateTime nowUtc)
    {
        var clarification = _clarifications.FirstOrDefault(c => c.Id == clarificationId);
        if (clarification is null)
        {
            return ClarificationNotFound;
        }

        if (Status is not (TenderStatus.Registered or TenderStatus.GoNoGoReview))
        {
            return NotClarifiable;
        }

        if (!clarification.IsOpen)
        {
            return ClarificationAnswered;
        }

        clarification.RecordAnswer(answer, evidence, reference, byName, nowUtc);
        ContentVersion++;
        return Result.Success();
    }

    /// <summary>The go/no-go review opens.</summary>
    public Result StartGoNoGoReview() => Move(TenderStatus.GoNoGoReview);

    /// <summary>Whether the go/no-go review may conclude: every clarification answered (docs/process.md §4.1).</summary>
    public Result MayConcludeGoNoGo()
    {
        if (Status != TenderStatus.GoNoGoReview)
        {
            return IllegalMove.With(Status, TenderStatus.Bidding);
        }

        var open = _clarifications.Where(c => c.IsOpen).OrderBy(c => c.Number).FirstOrDefault();
        return open is null ? Result.Success() : OpenClarifications.With(open.Number);
    }

    /// <summary>The go/no-go review concluded: approved → bid; rejected → declined.</summary>
    public Result FollowGoNoGo(bool approved, DateTime nowUtc)
    {
        if (approved && MayConcludeGoNoGo() is { Succeeded: false } blocked)
        {
            return blocked;
        }

        var moved = Move(approved ? TenderStatus.Bidding : TenderStatus.Declined);
        if (moved.Succeeded)
        {
            GoNoGoDecidedAtUtc = nowUtc;
        }

        return moved;
    }

    public Result PrepareBid(decimal amount, string? notes)
    {
        if (Status != TenderStatus.Bidding)
        {
            return NotBidding;
        }

        if (amount <= 0)
        {
            return AmountNotPositive;
        }

        BidAmount = amount;
        BidAmountMinor = ToMinor(amount);
        BidNotes = notes;
        ContentVersion++;
        return Result.Success();
    }

    /// <summary>The bid review opens; there must be a bid.</summary>
    public Result StartBidReview()
    {
        if (Status == TenderStatus.Bidding && BidAmount is null)
        {
            return NoBid;
        }

        return Move(TenderStatus.BidReview);
    }

    /// <summary>The bid review concluded: approved → the bid may be submitted; rejected → not submitted, back to preparing the bid.</summary>
    public Result FollowBidReview(bool approved, DateTime nowUtc)
    {
        var moved = Move(approved ? TenderStatus.BidApproved : TenderStatus.Bidding);
        if (moved.Succeeded)
        {
            BidConcludedAtUtc = nowUtc;
        }

        return moved;
    }

    /// <summary>The bid was sent. Only an approved bid can be (nothing is submitted before its review concludes).</summary>
    public Result Submit(DateTime nowUtc)
    {
        var moved = Move(TenderStatus.Submitted);
        if (moved.Succeeded)
        {
            SubmittedAtUtc = nowUtc;
        }

        return moved;
    }

    /// <summary>The outcome of a submitted bid, with the winning price and the competitors' prices where known.</summary>
    public Result RecordOutcome(TenderOutcome outcome, decimal? winningPrice, string? winnerName, IReadOnlyList<CompetitorPrice> competitors, string? note,
        string byName, DateTime nowUtc)
    {
        if (outcome == TenderOutcome.Won && winningPrice is null)
        {
            return WinningPriceNeeded;
        }

        if (winningPrice <= 0 || competitors.Any(c => c.Price <= 0))
        {
            return PriceNotPositive;
        }

        var to = outcome switch
        {
            TenderOutcome.Won => TenderStatus.Won,
            TenderOutcome.Lost => TenderStatus.Lost,
            TenderOutcome.Withdrawn => TenderStatus.Withdrawn,
        };
        if (Status != TenderStatus.Submitted)
        {
            return IllegalMove.With(Status, to);
        }

        var moved = Move(to);
        if (!moved.Succeeded)
        {
            return moved;
        }

        Outcome = outcome;
        WinningPrice = winningPrice;
        WinnerName = winnerName;
        OutcomeNote = note;
        OutcomeByName = byName;
        OutcomeAtUtc = nowUtc;
        foreach (var competitor in competitors)
        {
            _competitors.Add(new CompetitorBid(Id, competitor.Name, competitor.Price));
        }

        return Result.Success();
    }

    /// <summary>Withdraws the tender before its outcome (we do not bid after all, or take the bid back).</summary>
    public Result Withdraw(string reason, string byName, DateTime nowUtc)
    {
        var moved = Move(TenderStatus.Withdrawn);
        if (moved.Succeeded)
        {
            Outcome = TenderOutcome.Withdrawn;
            OutcomeNote = reason;
            OutcomeByName = byName;
            OutcomeAtUtc = nowUtc;
        }

        return moved;
    }

    /// <summary>A won tender became the order <paramref name="orderId"/>.</summary>
    public Result LinkOrder(Guid orderId)
    {
        if (Status != TenderStatus.Won)
        {
            return NotWon;
        }

        if (OrderId is not null)
        {
            return AlreadyOrdered;
        }

        OrderId = orderId;
        return Result.Success();
    }

    /// <summary>The price the order is made at: the winning price when it was ours, else our bid.</summary>
    public decimal OrderPrice => WinningPrice ?? BidAmount ?? EstimatedAmount;

    private Result Move(TenderStatus to)
    {
        if (!TenderTransitions.CanMove(Status, to))
        {
            return IllegalMove.With(Status, to);
        }

        Status = to;
        return Result.Success();
    }

    public static long ToMinor(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);
}
