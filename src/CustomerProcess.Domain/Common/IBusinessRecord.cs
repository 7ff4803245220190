namespace CustomerProcess.Domain.Common;

/// <summary>
/// A quality record (docs/process.md §11): audited field by field and never hard-deleted.
/// The persistence layer refuses to delete any entity that implements this.
/// </summary>
public interface IBusinessRecord
{
    Guid Id { get; }
}

/// <summary>Base for business records: a time-ordered GUID key made on the client,
/// so the audit entry for an insert can be written in the same SaveChanges.</summary>
public abstract class BusinessRecord : IBusinessRecord
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
}

/// <summary>A record with an optimistic-concurrency version. The persistence layer bumps it on every
/// update, so of two people changing the same row at once, the second is refused, not overwritten.</summary>
public interface IVersioned
{
    int Version { get; }
}
