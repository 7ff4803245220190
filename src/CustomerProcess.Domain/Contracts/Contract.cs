using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Contracts;

public enum ContractStatus
{
    Executing,
    Completed,
    Terminated,
}

public static class ContractTransitions
{
    public static bool CanMove(ContractStatus from, ContractStatus to) => from switch
    {
        ContractStatus.Executing => to is ContractStatus.Completed or ContractStatus.Terminated,
        ContractStatus.Completed => false,
        ContractStatus.Terminated => false,
    };
}

/// <summary>A signed contract in the ledger (合同台帐), domain.md §5.</summary>
public sealed class Contract : BusinessRecord, IVersioned
{
    public const int NumberLength = 20;
    public const int TextLength = 2000;

    public static readonly DomainError IllegalMove = new("contract.illegal-move", "The contract cannot move from {0} to {1}.");

    private Contract()
    {
    }

    public Contract(string number, Guid orderId, Guid reviewId, Guid customerId, long amountMinor, string currency, DateOnly signedOn, string signedByUserId, string signedByName, string? customerContractNumber, DateTime nowUtc)
    {
        Number = number;
        OrderId = orderId;
        ReviewId = reviewId;
        CustomerId = customerId;
        AmountMinor = amountMinor;
        Currency = currency;
        SignedOn = signedOn;
        SignedByUserId = signedByUserId;
        SignedByName = signedByName;
        CustomerContractNumber = customerContractNumber;
        EnteredAtUtc = nowUtc;
    }

    /// <summary>HT-yyyy-nnnn, sequential per year.</summary>
    public string Number { get; private set; } = "";

    public Guid OrderId { get; private set; }

    public Guid ReviewId { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>Amount in minor units (fen): SQL can filter and sort it on every provider.</summary>
    public long AmountMinor { get; private set; }

    public decimal Amount => AmountMinor / 100m;

    public string Currency { get; private set; } = "CNY";

    public DateOnly SignedOn { get; private set; }

    public string SignedByUserId { get; private set; } = "";

    public string SignedByName { get; private set; } = "";

    public string? CustomerContractNumber { get; private set; }

    public DateTime EnteredAtUtc { get; private set; }

    public ContractStatus Status { get; private set; } = ContractStatus.Executing;

    public string? ClosingReason { get; private set; }

    public Result Complete(string? reason) => Move(ContractStatus.Completed, reason);

    public Result Terminate(string reason) => Move(ContractStatus.Terminated, reason);

    private Result Move(ContractStatus to, string? reason)
    {
        if (!ContractTransitions.CanMove(Status, to))
        {
            return new DomainError(IllegalMove.Code, IllegalMove.MessageKey, Status, to);
        }

        Status = to;
        ClosingReason = reason;
        return Result.Success();
    }

    public int Version { get; private set; }
}
