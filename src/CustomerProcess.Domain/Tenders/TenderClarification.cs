using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Domain.Tenders;

/// <summary>A point the invitation leaves unclear, asked of the tendering party; the answer is recorded with its
/// evidence (phone note, fax, letter, e-mail, as a discrepancy's) before the go/no-go decision.</summary>
public sealed class TenderClarification : BusinessRecord
{
    public const int TextLength = 2000;
    public const int ReferenceLength = 200;

    private TenderClarification()
    {
    }

    internal TenderClarification(Guid tenderId, int number, string question, string askedByName, DateTime nowUtc)
    {
        TenderId = tenderId;
        Number = number;
        Question = question;
        AskedByName = askedByName;
        AskedAtUtc = nowUtc;
    }

    public Guid TenderId { get; private set; }

    public int Number { get; private set; }

    public string Question { get; private set; } = "";

    public string AskedByName { get; private set; } = "";

    public DateTime AskedAtUtc { get; private set; }

    public string? Answer { get; private set; }

    public EvidenceType? EvidenceType { get; private set; }

    public string? EvidenceReference { get; private set; }

    public string? AnsweredByName { get; private set; }

    public DateTime? AnsweredAtUtc { get; private set; }

    public bool IsOpen => AnsweredAtUtc is null;

    internal void RecordAnswer(string answer, EvidenceType evidence, string? reference, string byName, DateTime nowUtc)
    {
        Answer = answer;
        EvidenceType = evidence;
        EvidenceReference = reference;
        AnsweredByName = byName;
        AnsweredAtUtc = nowUtc;
    }
}

/// <summary>A competitor's price at the opening, kept for analysis.</summary>
public sealed class CompetitorBid : BusinessRecord
{
    public const int NameLength = 200;

    private CompetitorBid()
    {
    }

    internal CompetitorBid(Guid tenderId, string name, decimal? price)
    {
        TenderId = tenderId;
        Name = name;
        Price = price;
    }

    public Guid TenderId { get; private set; }

    public string Name { get; private set; } = "";

    public decimal? Price { get; private set; }
}
