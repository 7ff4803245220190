namespace CustomerProcess.Domain.Auditing;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One changed field of one record: who, when, what, old and new value.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime UtcTime { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public AuditAction Action { get; set; }

    public string Field { get; set; } = "";

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    /// <summary>Groups the entries written by one SaveChanges (one user action).</summary>
    public Guid ChangeSetId { get; set; }

    /// <summary>The entry's place in the audit chain (1, 2, …); null only for a row written outside the application.</summary>
    public long? Sequence { get; set; }

    /// <summary>SHA-256 (hex) over the entry and the previous entry's hash (<see cref="AuditChain"/>).</summary>
    public string? Hash { get; set; }
}
