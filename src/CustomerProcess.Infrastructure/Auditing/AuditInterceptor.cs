using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using CustomerProcess.Domain.Auditing;
using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerProcess.Infrastructure.Auditing;

/// <summary>
/// One mechanism for docs/process.md §11: every insert and update of a business record (and of
/// users and their roles) gets field-level audit entries written in the same transaction, so they
/// commit or roll back together. Hard deletes of business records are refused.
/// <para>
/// The entries are worked out when SaveChanges starts (original values are still known) and written
/// just before the transaction commits, as one multi-row INSERT (<see cref="AuditWriter"/>), not as
/// tracked entities: EF sends one command per row on SQLite, and a signature's twelve fields made
/// twelve commands. Every SaveChanges therefore runs in a transaction, even a one-row one. A save
/// that fails drops its entries; a transaction rolled back outside a save drops what it gathered.
/// </para>
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveHooks, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingAudit> _pending = [];

    private static readonly HashSet<string> IgnoredFields = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.ConcurrencyStamp),
        nameof(IdentityUser.SecurityStamp),
        nameof(IdentityUser.NormalizedEmail),
        nameof(IdentityUser.NormalizedUserName),
        nameof(IdentityUser.AccessFailedCount),
        "SearchName",
        "WaitingSinceUtc", // derived: the review's opening time while a section waits (ADR 0019); the status is recorded
        "Version",
        "Content", // attachment bytes: the audit keeps the name, size and SHA-256
    };

    private static readonly HashSet<string> MaskedFields = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.PasswordHash),
    };

    protected override void OnSaving(DbContext context) => Gather(context);

    protected override void OnSaved(DbContext context)
    {
        if (Current(context, out var pending))
        {
            pending.Saving = false;
        }
    }

    protected override void OnFailed(DbContext context)
    {
        if (Current(context, out var pending))
        {
            pending.Saving = false;
            if (pending.Entries.Count > pending.SaveStartsAt)
            {
                pending.Entries.RemoveRange(pending.SaveStartsAt, pending.Entries.Count - pending.SaveStartsAt);
            }
        }
    }

    // A transaction the application opens itself starts empty; the one EF opens inside SaveChanges
    // (or reopens when SQL Server's execution strategy retries) carries what that save gathered.
    DbTransaction IDbTransactionInterceptor.TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        ForgetOutsideSave(eventData.Context);
        return result;
    }

    ValueTask<DbTransaction> IDbTransactionInterceptor.TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken)
    {
        ForgetOutsideSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    InterceptionResult IDbTransactionInterceptor.TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (Take(eventData.Context) is { } entries)
        {
            AuditWriter.Write(eventData.Context!, transaction, entries);
        }

        return result;
    }

    async ValueTask<InterceptionResult> IDbTransactionInterceptor.TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken)
    {
        if (Take(eventData.Context) is { } entries)
        {
            await AuditWriter.WriteAsync(eventData.Context!, transaction, entries, cancellationToken);
        }

        return result;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => ForgetOutsideSave(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        ForgetOutsideSave(eventData.Context);
        return Task.CompletedTask;
    }

    private void Gather(DbContext context)
    {
        var pending = _pending.GetOrCreateValue(context);
        if (pending.Lease != context.ContextId.Lease)
        {
            // A pooled context serves a new request: nothing from the last lease carries over.
            pending.Entries.Clear();
            pending.Saving = false;
            pending.Lease = context.ContextId.Lease;
        }

        if (context.Database.CurrentTransaction is null)
        {
            // Not inside the application's own transaction: nothing gathered before belongs to this save.
            pending.Entries.Clear();
        }

        pending.Saving = true;
        pending.SaveStartsAt = pending.Entries.Count;
        pending.Entries.AddRange(AuditEntries(context));
        if (pending.Entries.Count > 0)
        {
            // Without a transaction there is no commit to write the entries at.
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    private void ForgetOutsideSave(DbContext? context)
    {
        if (context is not null && Current(context, out var pending) && !pending.Saving)
        {
            pending.Entries.Clear();
        }
    }

    /// <summary>The entries gathered for the context's current lease, if any.</summary>
    private bool Current(DbContext context, [NotNullWhen(true)] out PendingAudit? pending) =>
        _pending.TryGetValue(context, out pending) && pending.Lease == context.ContextId.Lease;

    private List<AuditEntry>? Take(DbContext? context)
    {
        if (context is null || !Current(context, out var pending) || pending.Entries.Count == 0)
        {
            return null;
        }

        var entries = pending.Entries.ToList();
        pending.Entries.Clear();
        return entries;
    }

    private List<AuditEntry> AuditEntries(DbContext context)
    {
        // Entries() below detects changes itself unless automatic detection is off.
        if (!context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changeSet = Guid.CreateVersion7();
        var entries = new List<AuditEntry>();

        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry or AuditChainHead)
            {
                // The trail is append-only and chained (docs/adr/0031): only this interceptor writes it, at commit.
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException(
                        $"Audit entries are written only by the audit interceptor and are never changed or removed ({entry.Metadata.ClrType.Name} was {entry.State}).");
                }

                continue;
            }

            if (!IsAudited(entry))
            {
                continue;
            }

            if (entry.State == EntityState.Deleted && entry.Entity is IBusinessRecord)
            {
                throw new InvalidOperationException(
                    $"{entry.Metadata.ClrType.Name} is a quality record and cannot be deleted; deactivate it instead.");
            }

            var entityType = entry.Entity is IdentityUserRole<string> ? "UserRole" : entry.Metadata.ClrType.Name;
            var entityId = KeyOf(entry);

            switch (entry.State)
            {
                case EntityState.Added:
                    foreach (var property in entry.Properties.Where(p => Audits(p) && p.CurrentValue is not null))
                    {
                        entries.Add(Entry(AuditAction.Created, property.Metadata.Name, null, Format(property.Metadata.Name, property.CurrentValue)));
                    }

                    break;
                case EntityState.Modified:
                    foreach (var property in entry.Properties.Where(p => p.IsModified && Audits(p)))
                    {
                        var oldValue = Format(property.Metadata.Name, property.OriginalValue);
                        var newValue = Format(property.Metadata.Name, property.CurrentValue);
                        if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
                        {
                            entries.Add(Entry(AuditAction.Updated, property.Metadata.Name, oldValue, newValue));
                        }
                    }

                    break;
                case EntityState.Deleted:
                    // Link rows (a user's role) may go; the removal itself is recorded.
                    foreach (var property in entry.Properties.Where(Audits))
                    {
                        entries.Add(Entry(AuditAction.Deleted, property.Metadata.Name, Format(property.Metadata.Name, property.OriginalValue), null));
                    }

                    break;
                case EntityState.Detached:
                case EntityState.Unchanged:
                    break;
            }

            AuditEntry Entry(AuditAction action, string field, string? oldValue, string? newValue) => new()
            {
                UtcTime = now,
                UserId = currentUser.UserId,
                UserName = currentUser.UserName,
                EntityType = entityType,
                EntityId = entityId,
                Action = action,
                Field = field,
                OldValue = oldValue,
                NewValue = newValue,
                ChangeSetId = changeSet,
            };
        }

        return entries;
    }

    private static bool IsAudited(EntityEntry entry) =>
        entry.Entity is IBusinessRecord or AppUser or IdentityUserRole<string>;

    private static bool Audits(PropertyEntry property) =>
        !IgnoredFields.Contains(property.Metadata.Name) && !property.Metadata.IsShadowProperty();

    private static string KeyOf(EntityEntry entry)
    {
        if (entry.Entity is IdentityUserRole<string> link)
        {
            return link.UserId;
        }

        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? ""
            : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static string? Format(string field, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (MaskedFields.Contains(field))
        {
            return "***";
        }

        return value switch
        {
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            decimal m => m.ToString("0.00##########", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    private sealed class PendingAudit
    {
        public List<AuditEntry> Entries { get; } = [];

        /// <summary>The context's pool lease the entries belong to (ADR 0009).</summary>
        public int Lease { get; set; }

        public bool Saving { get; set; }

        public int SaveStartsAt { get; set; }
    }
}
