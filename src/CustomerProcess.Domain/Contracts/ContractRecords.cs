using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Contracts;

/// <summary>报价: the new quotation a price change produces, with the prices of the version it made.</summary>
public sealed class Quotation : BusinessRecord
{
    public const int NumberLength = 20;

    private Quotation()
    {
    }

    public Quotation(string number, Guid contractId, Guid changeId, int contractVersion, long previousAmountMinor, long amountMinor, string issuedByName, DateTime nowUtc)
    {
        Number = number;
        ContractId = contractId;
        ChangeId = changeId;
        ContractVersion = contractVersion;
        PreviousAmountMinor = previousAmountMinor;
        AmountMinor = amountMinor;
        IssuedByName = issuedByName;
        IssuedAtUtc = nowUtc;
    }

    /// <summary>BJ-yyyy-nnnn.</summary>
    public string Number { get; private set; } = "";

    public Guid ContractId { get; private set; }

    public Guid ChangeId { get; private set; }

    /// <summary>The contract version whose lines carry the quoted prices.</summary>
    public int ContractVersion { get; private set; }

    public long PreviousAmountMinor { get; private set; }

    public long AmountMinor { get; private set; }

    public string IssuedByName { get; private set; } = "";

    public DateTime IssuedAtUtc { get; private set; }
}

/// <summary>How we spoke to the customer.</summary>
public enum CommunicationChannel
{
    Phone,
    Email,
    Fax,
    Letter,
    Meeting,
    SiteVisit,
    InstantMessage,
}

/// <summary>One entry of the contract's communication log (docs/process.md §5: progress reported back to the customer).</summary>
public sealed class CommunicationEntry : BusinessRecord
{
    public const int TextLength = 2000;
    public const int NameLength = 200;

    private CommunicationEntry()
    {
    }

    public CommunicationEntry(Guid contractId, DateTime occurredAtUtc, CommunicationChannel channel, string customerContact, string summary, string byUserId, string byName, DateTime nowUtc)
    {
        ContractId = contractId;
        OccurredAtUtc = occurredAtUtc;
        Channel = channel;
        CustomerContact = customerContact;
        Summary = summary;
        ByUserId = byUserId;
        ByName = byName;
        RecordedAtUtc = nowUtc;
    }

    public Guid ContractId { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    public CommunicationChannel Channel { get; private set; }

    /// <summary>Who at the customer was told.</summary>
    public string CustomerContact { get; private set; } = "";

    /// <summary>What the customer was told.</summary>
    public string Summary { get; private set; } = "";

    public string ByUserId { get; private set; } = "";

    public string ByName { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }
}
