using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Evidence;

public enum EvidencePackStatus
{
    Queued,
    Building,
    Ready,
    Failed,
}

public static class EvidencePackTransitions
{
    public static bool CanMove(EvidencePackStatus from, EvidencePackStatus to) => from switch
    {
        EvidencePackStatus.Queued => to is EvidencePackStatus.Building or EvidencePackStatus.Failed,
        EvidencePackStatus.Building => to is EvidencePackStatus.Ready or EvidencePackStatus.Failed,
        EvidencePackStatus.Ready => false,
        EvidencePackStatus.Failed => false,
    };
}

/// <summary>
/// The evidence pack of a period (docs/process.md §11, issue #18 item 6): who asked for which period and filters, and
/// how far its background build got. The zip itself lies in the configured folder; the row keeps its size and the
/// SHA-256 of its manifest. Never deleted; its progress is operational state, so the row is not a business record
/// (no audit row per progress step), like the logged views of a customer's file. Versioned, so of two workers
/// claiming the same queued pack only one starts it.
/// </summary>
public sealed class EvidencePack : IVersioned
{
    public const int NameLength = 100;
    public const int CultureLength = 10;
    public const int FileNameLength = 200;
    public const int HashLength = 64;
    public const int ErrorLength = 500;

    /// <summary>The longest period one pack covers (a year and a day, so a whole leap year fits).</summary>
    public const int MaxDays = 367;

    public static readonly DomainError PeriodReversed = new("evidence.period-reversed", "The period ends before it starts.");
    public static readonly DomainError PeriodTooLong = new("evidence.period-too-long", "A pack covers at most {0} days.");
    public static readonly DomainError NotRemovable = DomainError.Conflict("evidence.not-removable", "Only a ready pack's file can be removed, once.");
    public static readonly DomainError WrongStatus = DomainError.Conflict("evidence.wrong-status", "The evidence pack is {0}; it cannot move to {1}.");

    private EvidencePack()
    {
    }

    private EvidencePack(DateOnly from, DateOnly to, Guid? customerId, string? departmentCode, string culture, string userId, string userName, DateTime nowUtc)
    {
        From = from;
        To = to;
        CustomerId = customerId;
        DepartmentCode = departmentCode;
        Culture = culture;
        RequestedByUserId = userId;
        RequestedByName = userName;
        RequestedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>First day of the period (China time), inclusive.</summary>
    public DateOnly From { get; private set; }

    /// <summary>Last day of the period (China time), inclusive.</summary>
    public DateOnly To { get; private set; }

    public Guid? CustomerId { get; private set; }

    public string? DepartmentCode { get; private set; }

    /// <summary>The requester's UI culture: the documents are written in it.</summary>
    public string Culture { get; private set; } = "";

    public string RequestedByUserId { get; private set; } = "";

    public string RequestedByName { get; private set; } = "";

    public DateTime RequestedAtUtc { get; private set; }

    public EvidencePackStatus Status { get; private set; } = EvidencePackStatus.Queued;

    /// <summary>Records written so far.</summary>
    public int Done { get; private set; }

    /// <summary>Records to write (known when the build starts).</summary>
    public int Total { get; private set; }

    public DateTime? StartedAtUtc { get; private set; }

    public DateTime? FinishedAtUtc { get; private set; }

    /// <summary>The zip's file name in the packs folder.</summary>
    public string? FileName { get; private set; }

    public long? FileSize { get; private set; }

    /// <summary>SHA-256 (hex) of the pack's manifest.csv.</summary>
    public string? ManifestHash { get; private set; }

    public string? Error { get; private set; }

    /// <summary>When the zip was removed from disk after its keeping time (<c>EvidencePacks:KeepDays</c>); the row,
    /// its manifest hash and its downloads stay (issue #18 item 6, ADR 0042).</summary>
    public DateTime? FileRemovedAtUtc { get; private set; }

    /// <summary>Two workers claiming the same queued pack: the second save is refused.</summary>
    public int Version { get; private set; }

    /// <summary>Whole percent of the records written (0 before the build knows its total).</summary>
    public int Percent => Status == EvidencePackStatus.Ready ? 100 : Total <= 0 ? 0 : (int)Math.Min(100, Done * 100L / Total);

    public static Result<EvidencePack> Request(
        DateOnly from, DateOnly to, Guid? customerId, string? departmentCode, string culture, string userId, string userName, DateTime nowUtc)
    {
        if (to < from)
        {
            return PeriodReversed;
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            return PeriodTooLong.With(MaxDays);
        }

        return Result<EvidencePack>.Success(new EvidencePack(from, to, customerId, departmentCode, culture, userId, userName, nowUtc));
    }

    public Result Start(int total, DateTime nowUtc)
    {
        var moved = Move(EvidencePackStatus.Building);
        if (moved.Succeeded)
        {
            Total = Math.Max(0, total);
            Done = 0;
            StartedAtUtc = nowUtc;
        }

        return moved;
    }

    public Result Complete(string fileName, long size, string manifestHash, DateTime nowUtc)
    {
        var moved = Move(EvidencePackStatus.Ready);
        if (moved.Succeeded)
        {
            FileName = fileName;
            FileSize = size;
            ManifestHash = manifestHash;
            Done = Total;
            FinishedAtUtc = nowUtc;
        }

        return moved;
    }

    public Result Fail(string error, DateTime nowUtc)
    {
        var moved = Move(EvidencePackStatus.Failed);
        if (moved.Succeeded)
        {
            Error = error.Length > ErrorLength ? error[..ErrorLength] : error;
            FinishedAtUtc = nowUtc;
        }

        return moved;
    }

    /// <summary>Whether the pack's file has been kept long enough: a ready pack finished <paramref name="keepDays"/> days
    /// or more before <paramref name="nowUtc"/> whose file is still on disk.</summary>
    public bool FileExpired(DateTime nowUtc, int keepDays) =>
        Status == EvidencePackStatus.Ready && FileRemovedAtUtc is null && FinishedAtUtc is { } finished && nowUtc - finished >= TimeSpan.FromDays(keepDays);

    /// <summary>The zip was deleted from disk; the record of the pack stays.</summary>
    public Result FileRemoved(DateTime nowUtc)
    {
        if (Status != EvidencePackStatus.Ready || FileRemovedAtUtc is not null)
        {
            return NotRemovable;
        }

        FileRemovedAtUtc = nowUtc;
        return Result.Success();
    }

    private Result Move(EvidencePackStatus to)
    {
        if (!EvidencePackTransitions.CanMove(Status, to))
        {
            return WrongStatus.With(Status, to);
        }

        Status = to;
        return Result.Success();
    }
}

/// <summary>One download of an evidence pack: who and when (appended only, shown on the pack's page).</summary>
public sealed class EvidencePackDownload
{
    private EvidencePackDownload()
    {
    }

    public EvidencePackDownload(Guid packId, string userId, string userName, DateTime atUtc)
    {
        PackId = packId;
        UserId = userId;
        UserName = userName;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PackId { get; private set; }

    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public DateTime AtUtc { get; private set; }
}
