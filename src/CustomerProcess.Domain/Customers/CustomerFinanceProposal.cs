using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Customers;

/// <summary>The customer's bank details, credit limit and credit rating: finance's figures (issue #21, ADR 0012).</summary>
public sealed record FinanceTerms(string? BankName, string? BankAccount, decimal CreditLimit, CreditRating CreditRating)
{
    public static FinanceTerms None { get; } = new(null, null, 0m, CreditRating.NotRated);
}

public enum FinanceProposalStatus
{
    Pending,
    Confirmed,
    Rejected,
    Superseded,
}

/// <summary>
/// Sales proposes a change of a customer's <see cref="FinanceTerms"/>; finance confirms or rejects it.
/// The customer's figures change only on confirmation. Keeps the values it was made against, so a
/// confirmation of a proposal that no longer matches the customer is refused.
/// </summary>
public sealed class CustomerFinanceProposal : BusinessRecord, IVersioned
{
    public const int ReasonLength = 500;

    public static readonly DomainError NothingChanged = new("customer.finance.unchanged", "The proposal does not change the bank details, credit limit or credit rating.");
    public static readonly DomainError AlreadyDecided = new("customer.finance.decided", "This proposal was already decided.");
    public static readonly DomainError OwnProposal = new("customer.finance.own", "You made this proposal; someone else in finance must confirm it.");
    public static readonly DomainError CustomerChanged = new("customer.finance.stale", "The customer's bank or credit details changed after this proposal was made. Reject it; sales can propose again.");
    public static readonly DomainError WrongCustomer = new("customer.finance.customer", "The proposal belongs to another customer.");

    private CustomerFinanceProposal()
    {
    }

    private CustomerFinanceProposal(Guid customerId, FinanceTerms from, FinanceTerms to, string proposedByUserId, string proposedByName, DateTime proposedAtUtc, string? reason)
    {
        CustomerId = customerId;
        OldBankName = from.BankName;
        OldBankAccount = from.BankAccount;
        OldCreditLimit = from.CreditLimit;
        OldCreditRating = from.CreditRating;
        NewBankName = to.BankName;
        NewBankAccount = to.BankAccount;
        NewCreditLimit = to.CreditLimit;
        NewCreditRating = to.CreditRating;
        ProposedByUserId = proposedByUserId;
        ProposedByName = proposedByName;
        ProposedAtUtc = proposedAtUtc;
        Reason = reason;
    }

    public Guid CustomerId { get; private set; }

    public string? OldBankName { get; private set; }

    public string? OldBankAccount { get; private set; }

    public decimal OldCreditLimit { get; private set; }

    public CreditRating OldCreditRating { get; private set; }

    public string? NewBankName { get; private set; }

    public string? NewBankAccount { get; private set; }

    public decimal NewCreditLimit { get; private set; }

    public CreditRating NewCreditRating { get; private set; }

    public string ProposedByUserId { get; private set; } = "";

    public string ProposedByName { get; private set; } = "";

    public DateTime ProposedAtUtc { get; private set; }

    public string? Reason { get; private set; }

    public FinanceProposalStatus Status { get; private set; } = FinanceProposalStatus.Pending;

    public string? DecidedByUserId { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecisionNote { get; private set; }

    public int Version { get; private set; }

    public FinanceTerms From => new(OldBankName, OldBankAccount, OldCreditLimit, OldCreditRating);

    public FinanceTerms To => new(NewBankName, NewBankAccount, NewCreditLimit, NewCreditRating);

    /// <summary>Records what sales wants the customer's finance terms to be. Refused when it changes nothing.</summary>
    public static Result<CustomerFinanceProposal> Propose(Customer customer, FinanceTerms to, string proposedByUserId, string proposedByName, DateTime proposedAtUtc, string? reason)
    {
        var from = customer.FinanceTerms;
        if (from == to)
        {
            return NothingChanged;
        }

        return Result<CustomerFinanceProposal>.Success(new CustomerFinanceProposal(customer.Id, from, to, proposedByUserId, proposedByName, proposedAtUtc, reason));
    }

    /// <summary>Finance confirms: the customer's figures become the proposed ones.</summary>
    public Result Confirm(Customer customer, string userId, string userName, DateTime atUtc)
    {
        if (customer.Id != CustomerId)
        {
            return WrongCustomer;
        }

        if (Status != FinanceProposalStatus.Pending)
        {
            return AlreadyDecided;
        }

        if (string.Equals(userId, ProposedByUserId, StringComparison.Ordinal))
        {
            return OwnProposal;
        }

        if (customer.FinanceTerms != From)
        {
            return CustomerChanged;
        }

        customer.ApplyConfirmedFinanceTerms(To);
        Decide(FinanceProposalStatus.Confirmed, userId, userName, atUtc, null);
        return Result.Success();
    }

    public Result Reject(string userId, string userName, DateTime atUtc, string? note)
    {
        if (Status != FinanceProposalStatus.Pending)
        {
            return AlreadyDecided;
        }

        Decide(FinanceProposalStatus.Rejected, userId, userName, atUtc, note);
        return Result.Success();
    }

    /// <summary>A newer proposal for the same customer replaces a pending one.</summary>
    public void Supersede(DateTime atUtc)
    {
        if (Status == FinanceProposalStatus.Pending)
        {
            Status = FinanceProposalStatus.Superseded;
            DecidedAtUtc = atUtc;
        }
    }

    private void Decide(FinanceProposalStatus status, string userId, string userName, DateTime atUtc, string? note)
    {
        Status = status;
        DecidedByUserId = userId;
        DecidedByName = userName;
        DecidedAtUtc = atUtc;
        DecisionNote = note;
    }
}
