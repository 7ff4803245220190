using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Contracts;

public enum ServiceNoticeStatus
{
    Open,
    Closed,
}

public static class ServiceNoticeTransitions
{
    public static bool CanMove(ServiceNoticeStatus from, ServiceNoticeStatus to) => from switch
    {
        ServiceNoticeStatus.Open => to is ServiceNoticeStatus.Closed,
        ServiceNoticeStatus.Closed => false,
    };
}

/// <summary>技术服务通知单: asks the technical service team to act on a contract (installation,
/// commissioning, training, repair); the team keeps site records (施工现场记录) until it is closed.</summary>
public sealed class ServiceNotice : BusinessRecord, IVersioned
{
    public const int NumberLength = 20;
    public const int TextLength = 2000;
    public const int SiteLength = 300;

    public static readonly DomainError NotOpen = new("service.closed", "The service notice is closed.");
    public static readonly DomainError NoSiteRecord = new("service.no-record", "Record at least one site visit before closing the notice.");

    private readonly List<SiteRecord> _records = [];

    private ServiceNotice()
    {
    }

    public ServiceNotice(string number, Guid contractId, string site, string request, DateOnly? requiredBy, string issuedByName, DateTime nowUtc)
    {
        Number = number;
        ContractId = contractId;
        Site = site;
        Request = request;
        RequiredBy = requiredBy;
        IssuedByName = issuedByName;
        IssuedAtUtc = nowUtc;
    }

    /// <summary>JF-yyyy-nnnn.</summary>
    public string Number { get; private set; } = "";

    public Guid ContractId { get; private set; }

    public string Site { get; private set; } = "";

    /// <summary>What the team is asked to do.</summary>
    public string Request { get; private set; } = "";

    public DateOnly? RequiredBy { get; private set; }

    public string IssuedByName { get; private set; } = "";

    public DateTime IssuedAtUtc { get; private set; }

    public ServiceNoticeStatus Status { get; private set; } = ServiceNoticeStatus.Open;

    public string? ClosedByName { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public string? Outcome { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<SiteRecord> Records => _records.OrderBy(r => r.VisitedOn).ThenBy(r => r.RecordedAtUtc).ToList();

    public Result<SiteRecord> AddSiteRecord(DateOnly visitedOn, string problem, string treatment, string result, string byName, DateTime nowUtc)
    {
        if (Status != ServiceNoticeStatus.Open)
        {
            return NotOpen;
        }

        var record = new SiteRecord(Id, visitedOn, problem, treatment, result, byName, nowUtc);
        _records.Add(record);
        return Result<SiteRecord>.Success(record);
    }

    public Result Close(string outcome, string byName, DateTime nowUtc)
    {
        if (!ServiceNoticeTransitions.CanMove(Status, ServiceNoticeStatus.Closed))
        {
            return NotOpen;
        }

        if (_records.Count == 0)
        {
            return NoSiteRecord;
        }

        Status = ServiceNoticeStatus.Closed;
        Outcome = outcome;
        ClosedByName = byName;
        ClosedAtUtc = nowUtc;
        return Result.Success();
    }
}

/// <summary>施工现场记录: one visit's problem, treatment and result.</summary>
public sealed class SiteRecord : BusinessRecord
{
    public const int TextLength = 2000;

    private SiteRecord()
    {
    }

    internal SiteRecord(Guid serviceNoticeId, DateOnly visitedOn, string problem, string treatment, string result, string byName, DateTime nowUtc)
    {
        ServiceNoticeId = serviceNoticeId;
        VisitedOn = visitedOn;
        Problem = problem;
        Treatment = treatment;
        Result = result;
        RecordedByName = byName;
        RecordedAtUtc = nowUtc;
    }

    public Guid ServiceNoticeId { get; private set; }

    public DateOnly VisitedOn { get; private set; }

    public string Problem { get; private set; } = "";

    public string Treatment { get; private set; } = "";

    public string Result { get; private set; } = "";

    public string RecordedByName { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }
}
