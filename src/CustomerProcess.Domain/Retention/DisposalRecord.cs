using System.Security.Cryptography;
using System.Text;
using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Retention;

public enum DisposalStatus
{
    Requested,
    Approved,
    Rejected,
    Executed,
}

/// <summary>The disposal's one transition table.</summary>
public static class DisposalTransitions
{
    public static bool CanMove(DisposalStatus from, DisposalStatus to) => from switch
    {
        DisposalStatus.Requested => to is DisposalStatus.Approved or DisposalStatus.Rejected,
        DisposalStatus.Approved => to is DisposalStatus.Executed,
        DisposalStatus.Rejected => false,
        DisposalStatus.Executed => false,
    };
}

/// <summary>A record that can be disposed of after its retention period: it keeps its row, number and dates and
/// carries the disposal that blanked its content (ADR 0041).</summary>
public interface IRetainedRecord : IBusinessRecord
{
    Guid? DisposalId { get; }

    DateTime? DisposedAtUtc { get; }
}

/// <summary>One record named in a disposal: which, its number, and when its retention clock started and ended.</summary>
public sealed record DisposalCandidate(Guid RecordId, string RecordNumber, DateOnly? ClosedOn);

/// <summary>
/// Disposal of records whose retention period has passed (docs/process.md §11, ADR 0041): requested by the quality
/// head with the list of records and a reason, approved or rejected by someone else (the general manager), then carried
/// out. The record stays: what (type, numbers, count, a SHA-256 of the disposed content), when, and who requested,
/// approved and carried it out. It never deletes a row.
/// </summary>
public sealed class DisposalRecord : BusinessRecord, IVersioned
{
    public const string NumberPrefix = "XH";
    public const int ReasonLength = 1000;
    public const int NameLength = 200;
    public const int HashLength = 64;
    public const int MaxRecords = 500;

    public static readonly DomainError Empty = new("disposal.empty", "Choose at least one record to dispose of.");
    public static readonly DomainError TooMany = new("disposal.too-many", "A disposal names at most {0} records.");
    public static readonly DomainError NotDisposable = new("disposal.not-disposable", "Records of type {0} are not disposed of by the application.");
    public static readonly DomainError NotDue = new("disposal.not-due", "Record {0} is kept until {1}; it cannot be disposed of before.");
    public static readonly DomainError NotClosed = new("disposal.not-closed", "Record {0} is not closed; its retention period has not started.");
    public static readonly DomainError Duplicate = new("disposal.duplicate", "Record {0} is named twice.");
    public static readonly DomainError IllegalMove = new("disposal.illegal-move", "The disposal cannot move from {0} to {1}.");
    public static readonly DomainError OwnRequest = DomainError.Forbidden("disposal.own-request", "You requested this disposal; someone else must approve or reject it.");
    public static readonly DomainError NoReason = new("disposal.no-reason", "Give the reason for the disposal.");
    public static readonly DomainError AlreadyDisposed = new("disposal.already-disposed", "Record {0} was already disposed of.");
    public static readonly DomainError ChainOpen = new("disposal.chain-open", "Record {0} cannot be disposed of while {1} is still open.");

    private readonly List<DisposalItem> _items = [];

    private DisposalRecord()
    {
    }

    public string Number { get; private set; } = "";

    public RetentionRecordType RecordType { get; private set; }

    public string Reason { get; private set; } = "";

    public DisposalStatus Status { get; private set; } = DisposalStatus.Requested;

    public int RecordCount { get; private set; }

    /// <summary>Retention years in force when the request was made.</summary>
    public int RetentionYears { get; private set; }

    public string RequestedByUserId { get; private set; } = "";

    public string RequestedByName { get; private set; } = "";

    public DateTime RequestedAtUtc { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecisionNote { get; private set; }

    public string? ExecutedByUserId { get; private set; }

    public string? ExecutedByName { get; private set; }

    public DateTime? ExecutedAtUtc { get; private set; }

    /// <summary>SHA-256 (hex) of the disposed records' content as it was just before disposal (<see cref="HashOf"/>).</summary>
    public string? ContentHash { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<DisposalItem> Items => _items;

    /// <summary>The quality head asks to dispose of <paramref name="records"/>: each must be closed and past its retention period today.</summary>
    public static Result<DisposalRecord> Request(string number, RetentionRecordType type, IReadOnlyList<DisposalCandidate> records, string reason,
        RetentionPolicy policy, DateOnly today, string userId, string userName, DateTime nowUtc)
    {
        if (type == RetentionRecordType.AuditEntries)
        {
            return NotDisposable.With(type);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return NoReason;
        }

        if (records.Count == 0)
        {
            return Empty;
        }

        if (records.Count > MaxRecords)
        {
            return TooMany.With(MaxRecords);
        }

        var disposal = new DisposalRecord
        {
            Number = number,
            RecordType = type,
            Reason = reason,
            RecordCount = records.Count,
            RetentionYears = policy.YearsFor(type),
            RequestedByUserId = userId,
            RequestedByName = userName,
            RequestedAtUtc = nowUtc,
        };
        var seen = new HashSet<Guid>();
        foreach (var record in records)
        {
            if (!seen.Add(record.RecordId))
            {
                return Duplicate.With(record.RecordNumber);
            }

            var checkedRecord = CheckDue(policy, type, record, today);
            if (!checkedRecord.Succeeded)
            {
                return checkedRecord.Error!;
            }

            disposal._items.Add(new DisposalItem(disposal.Id, record.RecordId, record.RecordNumber, record.ClosedOn!.Value, policy.DueOn(type, record.ClosedOn.Value)));
        }

        return Result<DisposalRecord>.Success(disposal);
    }

    /// <summary>Refuses a record that is not closed or whose retention period has not passed on <paramref name="today"/>.</summary>
    public static Result CheckDue(RetentionPolicy policy, RetentionRecordType type, DisposalCandidate record, DateOnly today)
    {
        if (record.ClosedOn is not { } closed)
        {
            return NotClosed.With(record.RecordNumber);
        }

        return policy.IsDue(type, closed, today) ? Result.Success() : NotDue.With(record.RecordNumber, policy.DueOn(type, closed));
    }

    /// <summary>Approval by someone other than the requester.</summary>
    public Result Approve(string userId, string userName, DateTime nowUtc, string? note = null) =>
        Decide(DisposalStatus.Approved, userId, userName, nowUtc, note);

    /// <summary>Rejection by someone other than the requester: nothing is disposed of; the request stays on record.</summary>
    public Result Reject(string userId, string userName, DateTime nowUtc, string? note) =>
        Decide(DisposalStatus.Rejected, userId, userName, nowUtc, note);

    /// <summary>Carried out after approval: every record is checked again against today's periods (the setting may have grown)
    /// and the hash of their content before blanking is kept.</summary>
    public Result Execute(IReadOnlyList<DisposalCandidate> records, string contentHash, RetentionPolicy policy, DateOnly today,
        string userId, string userName, DateTime nowUtc)
    {
        if (!DisposalTransitions.CanMove(Status, DisposalStatus.Executed))
        {
            return IllegalMove.With(Status, DisposalStatus.Executed);
        }

        foreach (var record in records)
        {
            var due = CheckDue(policy, RecordType, record, today);
            if (!due.Succeeded)
            {
                return due;
            }
        }

        Status = DisposalStatus.Executed;
        ExecutedByUserId = userId;
        ExecutedByName = userName;
        ExecutedAtUtc = nowUtc;
        ContentHash = contentHash;
        return Result.Success();
    }

    /// <summary>SHA-256 (lower-case hex) over the records' canonical contents in the given order, each prefixed by its length
    /// so no two different lists hash alike.</summary>
    public static string HashOf(IEnumerable<string> contents)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var content in contents)
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            hash.AppendData(Encoding.ASCII.GetBytes(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":"));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private Result Decide(DisposalStatus to, string userId, string userName, DateTime nowUtc, string? note)
    {
        if (!DisposalTransitions.CanMove(Status, to))
        {
            return IllegalMove.With(Status, to);
        }

        if (userId == RequestedByUserId)
        {
            return OwnRequest;
        }

        Status = to;
        DecidedByUserId = userId;
        DecidedByName = userName;
        DecidedAtUtc = nowUtc;
        DecisionNote = note;
        return Result.Success();
    }
}

/// <summary>One record named in a disposal.</summary>
public sealed class DisposalItem : BusinessRecord
{
    public const int NumberLength = 40;

    private DisposalItem()
    {
    }

    internal DisposalItem(Guid disposalId, Guid recordId, string recordNumber, DateOnly closedOn, DateOnly dueOn)
    {
        DisposalId = disposalId;
        RecordId = recordId;
        RecordNumber = recordNumber;
        ClosedOn = closedOn;
        DueOn = dueOn;
    }

    public Guid DisposalId { get; private set; }

    public Guid RecordId { get; private set; }

    public string RecordNumber { get; private set; } = "";

    public DateOnly ClosedOn { get; private set; }

    public DateOnly DueOn { get; private set; }
}
